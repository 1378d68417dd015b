"""Web pages and full-page text dumps to body text and metadata (issue 15): see README, "Web pages"."""
