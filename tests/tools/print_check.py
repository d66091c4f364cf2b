# Copied unchanged from the shared tools (../shared/tools/print_check.py), for checkouts without them;
# tests/reports/test_print.py prefers the shared copy when it exists.
#!/usr/bin/env python3
"""Is a PDF readable on paper? Word heights per page and overprinted words, from pdftotext -bbox-layout.

usage: print_check.py [-v] FILE.pdf MIN_PT [MAX_CJK_SHARE]
Fails (exit 1, one line) when a page's median word height is under MIN_PT, when words from different
lines overlap (text printed over text), or, with MAX_CJK_SHARE, when more than that share of the
letters are Chinese (an English edition that is not English).
MIN_PT is the height of pdftotext's word boxes, about 1.25-1.3x the type size: 9.5 is about 7.5 pt type.
Needs poppler-utils (pdftotext). -v lists every problem.
"""

import re
import statistics
import subprocess
import sys
import xml.etree.ElementTree as ET

verbose = "-v" in sys.argv
args = [a for a in sys.argv[1:] if a != "-v"]
pdf, min_pt = args[0], float(args[1])
max_cjk = float(args[2]) if len(args) > 2 else None
xml = subprocess.run(["pdftotext", "-bbox-layout", pdf, "-"], capture_output=True, text=True, check=True).stdout
xml = re.sub(r"<!DOCTYPE[^>]*>", "", xml)
ns = {"h": "http://www.w3.org/1999/xhtml"}
root = ET.fromstring(xml)
problems, cjk, letters, worst = [], 0, 0, None
for pno, page in enumerate(root.iter("{http://www.w3.org/1999/xhtml}page"), 1):
    lines = []
    for line in page.iter("{http://www.w3.org/1999/xhtml}line"):
        words = []
        for w in line.iter("{http://www.w3.org/1999/xhtml}word"):
            box = tuple(float(w.get(k)) for k in ("xMin", "yMin", "xMax", "yMax"))
            t = w.text or ""
            words.append((box, t))
            cjk += len(re.findall(r"[\u4e00-\u9fff]", t))
            letters += len(re.findall(r"[A-Za-z\u4e00-\u9fff]", t))
        if words:
            lines.append(words)
    heights = [b[3] - b[1] for ws in lines for b, _ in ws]
    if not heights:
        continue
    med = statistics.median(heights)
    if worst is None or med < worst[1]:
        worst = (pno, med)
    if med < min_pt:
        problems.append(f"page {pno}: median word height {med:.1f} pt < {min_pt} pt")
    # words of different lines that overlap each other by more than a third of the smaller one
    flat = [(i, b, t) for i, ws in enumerate(lines) for b, t in ws]
    flat.sort(key=lambda x: x[1][1])
    for a in range(len(flat)):
        ia, ba, ta = flat[a]
        for c in range(a + 1, len(flat)):
            ic, bc, tc = flat[c]
            if bc[1] > ba[3]:
                break
            if ia == ic:
                continue
            ox = min(ba[2], bc[2]) - max(ba[0], bc[0])
            oy = min(ba[3], bc[3]) - max(ba[1], bc[1])
            if ox > 0 and oy > 0:
                small = min((ba[2] - ba[0]) * (ba[3] - ba[1]), (bc[2] - bc[0]) * (bc[3] - bc[1]))
                if small > 0 and ox * oy / small > 0.33:
                    problems.append(f"page {pno}: '{ta}' printed over '{tc}'")
                    break
share = cjk / letters if letters else 0.0
if max_cjk is not None and share > max_cjk:
    problems.append(f"{share:.0%} of the letters are Chinese (at most {max_cjk:.0%} allowed)")
if problems:
    if verbose:
        print("\n".join(problems))
    print(f"{len(problems)} print problems in {pdf.rsplit('/', 1)[-1]}; first: {problems[0]}")
    sys.exit(1)
print(f"print ok: smallest page median word height {worst[1]:.1f} pt (page {worst[0]}); Chinese share {share:.0%}")
