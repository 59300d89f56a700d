"""Builds the synthetic review documents used by the ingestion tests.

Run from the repository root: `.venv/bin/python tests/data/documents/make_documents.py`.
The outputs are committed; the encrypted PDF is made at test time (tests/conftest_documents.py)
because it needs a PDF writer that can encrypt. All people and places are invented.
"""

from __future__ import annotations

from pathlib import Path

HERE = Path(__file__).resolve().parent

# --- PDF (Child T): four pages, each section on the page named in the tests ------------------
CHILD_T_HTML = """<!doctype html>
<html><head><meta charset="utf-8"><title>Serious Case Review: Child T</title>
<style>
 @page { size: A4; margin: 2cm; }
 body { font-family: sans-serif; font-size: 11pt; hyphens: manual; }
 .newpage { break-before: page; }
 h1 { font-size: 20pt; } h2 { font-size: 14pt; }
</style></head><body>
<h1>Serious Case Review: Child T</h1>
<p>Northshire Local Safeguarding Children Board</p>
<p>Published March 2016</p>

<h2 class="newpage">1. Introduction</h2>
<p>This review was commissioned after Child T, a boy aged 14 months, was admitted to hospital
with a head injury in October 2015.</p>
<h2>2. Background</h2>
<p>Child T lived with his mother and her partner. Police were called to the home three times
because of domestic abuse between the mother and her partner.</p>
<p>The mother had a history of depression. There was no evidence of drug misuse by either adult.</p>

<h2 class="newpage">3. Key findings</h2>
<p>Finding one concerns the sharing of information between the police and health visitors.</p>
<h2>4. Learning points</h2>
<ul>
<li>Practitioners should ask about the adults living in the household.</li>
<li>Referrals after domestic abuse incidents should reach the health visitor.</li>
<li>Supervision should test the evidence for optimism about progress.</li>
</ul>

<h2 class="newpage">5. Recommendations</h2>
<p>Recommendation 1: The LSCB should seek assurance that police notifications of domestic
abuse are shared with health visitors within one working day.</p>
<p>Recommendation 2: Health partners should review how partners of mothers are recorded, including:</p>
<p>a) their names and dates of birth;</p>
<p>b) their previous addresses.</p>
<p>Recommendation 3: Children's social care should audit the quality of assessments of
families known to the police.</p>
<p>Recommendation 4: The LSCB should publish a learning briefing on the findings of this review.</p>
<h2>6. Conclusion</h2>
<p>The injury to Child T could not have been predicted, but earlier sharing of information
would have given agencies a better understanding of the risks in the household.</p>
</body></html>
"""

# --- HTML (Child M): a web page with navigation, a script and an ordered list ----------------
CHILD_M_HTML = """<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<title>Local Child Safeguarding Practice Review: Child M</title>
<script>var tracking = "domestic abuse should not be indexed";</script>
<style>.x { color: red; }</style></head>
<body>
<nav><a href="/">Home</a> <a href="/reviews">Reviews</a></nav>
<main>
<h1>Local Child Safeguarding Practice Review: Child M</h1>
<h2>Summary</h2>
<p>Child M, a girl aged <b>15 years</b>, went missing from her foster placement on several
occasions and was at risk of child sexual exploitation.</p>
<h2>Findings</h2>
<p>Information about missing episodes was not shared with the school.</p>
<h2>Recommendations</h2>
<ol>
<li>The partnership should agree a protocol for return home interviews.</li>
<li>Schools should be told within 24 hours when a looked after child goes missing.</li>
<li>The police should map the adults who contact children who go missing.</li>
</ol>
<h2>Glossary</h2>
<p>CSE: child sexual exploitation.</p>
</main>
<footer>Copyright Northshire partnership</footer>
</body></html>
"""

# --- plain text (Child R): three pages separated by form feeds ------------------------------
CHILD_R_TEXT = (
    "RAPID REVIEW: CHILD R\n"
    "Eastborough Safeguarding Partnership\n"
    "\f"
    "BACKGROUND\n"
    "Child R was a baby of 6 weeks who died suddenly at home.\n"
    "The father had a conviction for assault and had been in prison.\n"
    "\f"
    "RECOMMENDATIONS\n"
    "R1. The partnership should remind practitioners of safer sleep advice.\n"
    "R2. Probation should share information about fathers with midwives.\n"
    "R3. The review should be published with an action plan.\n"
)


def make_pdf() -> None:
    from weasyprint import HTML

    HTML(string=CHILD_T_HTML).write_pdf(HERE / "child_t_review.pdf")


def make_scanned_pdf() -> None:
    # An image of text saved as a PDF: no text layer, as a scanner produces.
    from PIL import Image, ImageDraw

    pages = []
    for n in (1, 2):
        img = Image.new("L", (1240, 1754), 255)
        draw = ImageDraw.Draw(img)
        for i, line in enumerate(["Serious Case Review: Child S", f"Page {n}", "Scanned copy"]):
            draw.text((120, 160 + 60 * i), line, fill=0)
        pages.append(img)
    pages[0].save(HERE / "scanned_review.pdf", save_all=True, append_images=pages[1:],
                  resolution=150)


def make_corrupt_pdf() -> None:
    # A PDF header followed by bytes that are not a PDF body (a damaged download).
    body = bytes((i * 37 + 11) % 256 for i in range(2000))
    (HERE / "corrupt_review.pdf").write_bytes(b"%PDF-1.7\n" + body)


def make_docx() -> None:
    from docx import Document
    from docx.enum.text import WD_BREAK

    d = Document()
    d.core_properties.title = "Child Safeguarding Practice Review: Child K"
    d.add_heading("Child Safeguarding Practice Review: Child K", level=0)
    d.add_paragraph("Westvale Safeguarding Children Partnership")
    p = d.add_paragraph()
    p.add_run().add_break(WD_BREAK.PAGE)
    d.add_heading("Introduction", level=1)
    d.add_paragraph(
        "Child K, a girl aged 3 years, was found with serious injuries. Her mother "
        "misused alcohol and the family had moved home five times."
    )
    d.add_heading("Learning points", level=1)
    d.add_paragraph("Frequent moves hid the pattern of concerns.", style="List Bullet")
    d.add_paragraph("Nursery staff saw bruising that was not reported.", style="List Bullet")
    p = d.add_paragraph()
    p.add_run().add_break(WD_BREAK.PAGE)
    d.add_heading("Recommendations", level=1)
    for text in (
        "The partnership should track families who move between areas.",
        "Nurseries should receive training on recording bruising.",
    ):
        d.add_paragraph(text, style="List Number")
    d.add_heading("Appendix: terms of reference", level=1)
    d.add_paragraph("The review covered the period from January 2019 to the incident.")
    d.save(HERE / "child_k_review.docx")


def main() -> None:
    make_pdf()
    make_scanned_pdf()
    make_corrupt_pdf()
    make_docx()
    (HERE / "child_m_review.html").write_text(CHILD_M_HTML, encoding="utf-8")
    (HERE / "child_r_review.txt").write_text(CHILD_R_TEXT, encoding="utf-8")


if __name__ == "__main__":
    main()
