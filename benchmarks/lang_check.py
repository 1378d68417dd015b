"""Agreement of the ingest's cheap German check with py3langid (issue 16, eleventh session).

    python benchmarks/lang_check.py MIXED20000.jsonl     # bench_scale.mixed_corpus(20000, ...); needs ../shared

For every text of each set that is long enough to classify: whether ``sources._plainly_german`` fired, and
where it fired, whether py3langid said anything but ``de`` (a disagreement, printed). Sets: the mixed corpus
(every 4th), Wikinews train/dev, the web dev text dumps, 3,000 federal law paragraphs, English licence texts
of the installed packages, spaCy's example sentences of every language, and 5,000 mixes of a German news text
with a foreign text or 1-3 foreign sentences (random lengths and order, seed 5).
"""
import json, time, re, sys, gzip, glob, importlib, pkgutil, random
sys.path.insert(0, '.')
from pipeline import sources
import os, sysconfig
SHARED = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), '..', 'shared')
SITE = sysconfig.get_paths()['purelib']
lim = sources.limits()
W = re.compile(r"[^\W\d_]+")
def lang_full(t):
    return sources.detect_language(t[:20000])
def sets():
    yield "mixed20000", [json.loads(l)["text"] for l in open(sys.argv[1] if len(sys.argv) > 1 else '/tmp/speed11/mixed20000.jsonl')][::4]
    for sp in ("train","dev"):
        yield "wikinews-"+sp, [json.loads(l)["originalText"] for l in gzip.open(SHARED + f'/data/quotes/wikinews/{sp}.jsonl.gz','rt')]
    yield "web-txt", [open(f,errors='replace').read() for f in sorted(glob.glob(SHARED + '/data/web/dev/txt/*'))]
    laws=[]
    for i,l in enumerate(gzip.open(SHARED + '/data/raw/de_federal_laws_paragraphs.jsonl.gz','rt')):
        if i>=3000: break
        laws.append(json.loads(l)["text"])
    yield "laws", laws
    lic=[]
    for f in glob.glob(SITE + '/*/LICENSE*')[:200]:
        try: lic.append(open(f,errors='replace').read())
        except Exception: pass
    yield "english-licenses", lic
    foreign=[]
    import spacy.lang
    for m in pkgutil.iter_modules(spacy.lang.__path__):
        try: ex=importlib.import_module(f"spacy.lang.{m.name}.examples")
        except Exception: continue
        foreign.append(" ".join(ex.sentences))
    yield "spacy-examples", foreign
    # German + foreign mixes at several ratios
    rng=random.Random(5); wk=[json.loads(l)["originalText"] for l in gzip.open(SHARED + '/data/quotes/wikinews/train.jsonl.gz','rt')]
    mixes=[]
    for i in range(5000):
        g=rng.choice(wk); f=rng.choice(lic+foreign)
        k=rng.random()
        g=g[:int(len(g)*k)+1]
        if i%3==0: f=" ".join(f.split(". ")[:rng.randint(1,3)])
        mixes.append(g+"\n\n"+f if i%2 else f+"\n\n"+g)
    yield "mixes", mixes
def main():
    shortcut = getattr(sources, "_plainly_german", None)
    tot=0
    for name, texts in sets():
        fired=dis=0; t_s=t_l=0.0; langs={}
        for t in texts:
            s=t[:20000]
            if len(sources._LETTERS.findall(s[:4000])) < lim.min_language_chars: continue
            a=time.process_time(); g = shortcut(s); b=time.process_time(); lang,p=lang_full(t); c=time.process_time()
            t_s+=b-a; t_l+=c-b
            langs[lang]=langs.get(lang,0)+1
            if g:
                fired+=1
                if lang!="de":
                    dis+=1; print("  DISAGREE", name, lang, p, repr(t[:150]))
        tot+=dis
        print(f"{name}: {sum(langs.values())} classified, shortcut fired {fired}, disagreements {dis}; "
              f"shortcut {t_s*1000/max(1,sum(langs.values())):.3f} ms, py3langid {t_l*1000/max(1,sum(langs.values())):.3f} ms; langs {dict(sorted(langs.items(), key=lambda x:-x[1])[:6])}")
    print("TOTAL disagreements", tot)
main()
