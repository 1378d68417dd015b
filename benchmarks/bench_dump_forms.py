"""dump18b: metadata of page dumps in header templates written for the test (issue 15).

    python benchmarks/bench_dump_forms.py 0,1,2,...,27 [-v]

Wraps 12 Wikinews train articles (from no. 600 of train.jsonl.gz, not used elsewhere) as full-page text dumps
(menu, header in template T<k>, body, teasers of two other articles with their own "Von Karl Huber" bylines,
footer) and scores title, publication day, authors (exact set) and section per template (counts of 12).
Templates were written in groups, each scored on main and on the branch before its failures were read:
A = T0-T4 (tuned on), B = T5-T9, C = T10-T15, D = T16-T21 (T16-T18 with no byline or trail: false positives),
E = T22-T27. Numbers in benchmarks/README.md "dump18b". The teaser bylines test "never a name from a teaser".
"""
import gzip, json, re, sys, random
import os
from pathlib import Path
ROOT = Path(os.environ.get('ROOT', Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(ROOT))
from pipeline.ingest import parse_scraped_text
SH = os.path.join(os.environ.get('PIPELINE_SHARED', str(ROOT.parent / 'shared')), 'data/quotes/wikinews/train.jsonl.gz')
def arts(n, skip=600):
    out = []
    with gzip.open(SH, 'rt', encoding='utf-8') as fh:
        for k, line in enumerate(fh):
            if k < skip: continue
            d = json.loads(line)
            head = re.sub(r"^\d+ - | \(\d{4}-\d\d-\d\d\)$", "", d["documentName"])
            paras = [" ".join(x.split()) for x in d["originalText"].split("\n\n") if len(x.strip()) >= 40]
            if len(paras) >= 3: out.append((head, paras))
            if len(out) >= n: break
    return out
MENU = "\n".join("  • " + x for x in ["Startseite", "Politik", "Wirtschaft", "Kultur", "Sport", "Panorama", "Region", "Wissen", "Meinung", "Newsletter", "Abo"])
FOOT = "Impressum\nDatenschutz\nKontakt\n© 2024 Musterverlag GmbH"
NAMES = [("Anna Maier",), ("Jan Ott", "Petra Lehmann"), ("Karl-Heinz Brenner",), ("Miriam Schulte", "Tobias Wendt")]
SECS = [("Politik", "Ausland"), ("Wirtschaft",), ("Region", "Hannover"), ("Kultur",)]
def teasers(others):
    t = ["Mehr aus dem Ressort", ""]
    for h, ps in others:
        t += [h, "", ps[0][:160], "", "Von Karl Huber", ""]
    return "\n".join(t)
def join(n): return " und ".join(n) if len(n) < 3 else ", ".join(n[:-1]) + " und " + n[-1]
# each template: (header lines before body, lines after body) from (head, names, sec, date parts)
def T(k, head, lead, names, sec, d):
    dd, mm, yy = d; dt = f"{dd:02d}.{mm:02d}.{yy}"; up = f"{dd+1:02d}.{mm:02d}.{yy}"
    months = ["Januar","Februar","März","April","Mai","Juni","Juli","August","September","Oktober","November","Dezember"]
    wd = "Dienstag"
    long = f"{dd}. {months[mm-1]} {yy}"
    trail = lambda sep: sep.join(["Startseite", *sec])
    if k == 0: return [trail(" › "), "", head, "", lead, "", "Von " + join(names), f"{wd}, {dt}, 14:32 Uhr"], []
    if k == 1: return [head, "", f"Veröffentlicht: {dt}, 10:15 Uhr | Aktualisiert: {up}, 08:00 Uhr"], ["", "Autor: " + join(names)]
    if k == 2: return ["Sie sind hier: " + " / ".join(["Home", *sec]), "", head, "", lead], ["", "Text: " + join(names), f"Stand: {dt}"]
    if k == 3: return [sec[-1], "", head, "", f"{long} | " + join(names) + ", dpa"], []
    if k == 4: return [head, "", names[0], "Redakteurin Politik", "", f"{dt} – 14:32 Uhr"], []
    if k == 5: return [" | ".join(sec), "", head, "", f"aktualisiert am {up}, veröffentlicht am {dt}"], ["", "Von " + join(names)]
    if k == 6: return [" > ".join(["Home", *sec, head]), "", head, "", f"Erstellt am {long} um 09:12 Uhr", "", "Ein Beitrag von " + join(names)], []
    if k == 7: return [head, "", lead, "", join(names), "", long], []
    if k == 8: return [" / ".join(sec), "", head, "", f"{wd}, {long}, 16:45 Uhr"], ["", join(names) + ", dpa"]
    if k == 10: return ["Startseite » " + " » ".join(sec), "", head, "", lead, "", f"{long}, 11:20 Uhr · Lesezeit 3 Min.", "", "Von " + join(names)], []
    if k == 11: return [head, "", lead, "", f"Stand: {up}, 18:02 Uhr | erstmals veröffentlicht: {dt}"], ["", "Text: " + join(names) + " / dpa"]
    if k == 12: return ["Navigation: " + " > ".join(sec), "", head], ["", join(names), "Korrespondentin in Brüssel", "", f"Veröffentlicht am {dt}"]
    if k == 13: return [head, "", f"{wd}, {dt}", "Autorin: " + join(names)], []
    if k == 14: return [head, "", f"Erschienen am {dt} · Aktualisiert am {up}", "", "Ein Kommentar von " + join(names)], []
    if k == 15: return [" / ".join(["Home", *sec]), "", head, "", lead, "", f"{join(names)} | {dt}, 09:41 Uhr"], []
    if k == 16: return [head, "", "Foto: " + names[0], "", f"{dt} | 12:00 Uhr"], []
    if k == 17: return ["Wetter | Verkehr | Blitzer", "", head, "", f"{dt}"], []
    if k == 18: return [head, "", lead, "", f"{long}"], ["", "Mehr von " + names[0], "", "Weitere Artikel von " + join(names)]
    if k == 19: return ["Startseite › " + " › ".join(sec), "", head, "", f"Zuletzt aktualisiert: {up} um 10:00 Uhr, Erstveröffentlichung: {dt}", "", "Autor: " + join(names)], []
    if k == 20: return [head, "", f"{dt} · Von {join(names)} · 4 Min. Lesezeit"], []
    if k == 21: return ["Sie befinden sich hier: " + " » ".join(["Startseite", *sec]), "", head, "", lead, "", names[0], "Chefreporterin", f"{dt}, 06:00 Uhr"], []
    if k == 22: return ["Startseite", ">", *[y for x in sec for y in (x, ">")][:-1], "", head, "", "Ein Gastbeitrag von " + join(names), "", f"{dt}, 14:32 Uhr"], []
    if k == 23: return [head, "", lead, "", "Von " + join(names) + ", Berlin", f"Veröffentlicht: Di, {dt}"], ["", "Sie sind hier: Startseite › " + " › ".join(sec) + " › " + head]
    if k == 24: return ["Musterzeitung", "Home » " + " » ".join(sec), "Suche", "", head, "", f"{dd:02d}. {months[mm-1][:3]}. {yy}", join(names) + " (dpa)"], []
    if k == 25: return [head, "", lead, "", "Text & Fotos: " + join(names), "", f"am {dd}.{mm}.{yy} um 14:32 Uhr"], []
    if k == 26: return [" / ".join(sec), "", head, "", "Autorinnen und Autoren: " + ", ".join(names), f"{long}, 08:15 Uhr"], []
    if k == 27: return [head, "", f"{dt} 14:32 Uhr", "", lead], ["", "Über die Autorin", names[0] + " ist Redakteurin im Ressort " + sec[0] + "."]
    if k == 9: return [head, "", f"Von {join(names)} | {dt}, 07:00 Uhr"], []
def build(k, i, head, paras, others):
    names = NAMES[i % 4]; sec = SECS[(i + k) % 4]; d = (3 + i % 20, 1 + i % 12, 2023)
    hl, tail = T(k, head, paras[0], names, sec, d)
    body = paras[1:] if paras[0] in hl else paras
    txt = "Zum Inhalt springen\n\n" + MENU + "\n\n" + "\n".join(hl) + "\n\n" + "\n\n".join(body) + "\n" + "\n".join(tail) + "\n\n" + teasers(others) + "\n\n" + FOOT + "\n"
    names = names[:1] if k in (4, 21, 27) else [] if k in (16, 17, 18) else names
    gold = dict(date=f"{d[2]}-{d[1]:02d}-{d[0]:02d}", authors=sorted(names), section={25: None, 27: None, 24: ' / '.join(sec).casefold(), 16: None, 17: None, 18: None, 20: None, 1: None, 4: None, 7: None, 9: None, 11: None, 13: None, 14: None, 3: sec[-1].casefold()}.get(k, " / ".join(sec).casefold()), title=head)
    return txt, gold
def main(ks, n=12, show=False):
    A = arts(n + 2)
    for k in ks:
        ok = dict(title=0, date=0, authors=0, section=0); N = 0
        for i in range(n):
            head, paras = A[i]; txt, g = build(k, i, head, paras, [A[i + 1], A[i + 2]])
            a = parse_scraped_text(txt)
            got = dict(title=a.title, date=a.published_at.strftime("%Y-%m-%d") if a.published_at else None,
                       authors=sorted(a.authors or []), section=(a.section or "").replace(" › ", " / ").casefold() or None)
            # section gold without "Startseite"/"Home"
            N += 1
            for f in ok:
                good = got[f] == g[f]
                ok[f] += good
                if show and not good: print(f"  T{k} #{i} {f}: got {got[f]!r} want {g[f]!r}")
        print(f"T{k}: " + " ".join(f"{f} {v}/{N}" for f, v in ok.items()))
if __name__ == "__main__":
    ks = [int(x) for x in sys.argv[1].split(",")]
    main(ks, show="-v" in sys.argv)
