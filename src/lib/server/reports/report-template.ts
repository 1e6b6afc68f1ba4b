// The Typst source of every report. It is generic: the content comes as a list of
// blocks in `data.json` (built in report-document.ts), and user text is only ever a
// Typst *string* there, never markup, so `#`, `*`, `[` or `$` in a finding print as
// they are and cannot inject code. Charts are SVG files beside it (`charts/N.svg`).

/** One piece of the report, in reading order. */
export type ReportBlock =
	| { kind: 'title'; text: string; subtitle: string }
	| { kind: 'heading'; level: 1 | 2 | 3; text: string }
	| { kind: 'paragraph'; text: string }
	| { kind: 'mark'; text: string }
	| { kind: 'terms'; items: [string, string][] }
	| { kind: 'list'; items: string[] }
	| { kind: 'table'; table: ReportTable }
	| { kind: 'figure'; file: string; alt: string; caption: string; table: ReportTable }
	| { kind: 'pagebreak' };

export interface ReportTable {
	caption: string;
	columns: string[];
	rows: (string | number)[][];
	/** Columns (by index) that hold numbers and align right. */
	numeric?: number[];
}

/** What `data.json` holds. */
export interface ReportDocument {
	lang: 'nl' | 'en';
	title: string;
	author: string;
	keywords: string[];
	// No diagonal watermark: its letters end up in the extracted text (copy, search, pdftotext).
	/** Printed in every page header when the evaluation is not finalised. */
	draftMark: string | null;
	header: string;
	blocks: ReportBlock[];
}

export const reportTemplate = String.raw`
#let d = json("data.json")
#set document(title: d.title, author: d.author, keywords: d.keywords)
#set text(lang: d.lang, size: 10pt)
#set par(leading: 0.6em, spacing: 0.9em)
#set page(
  paper: "a4",
  margin: (x: 2cm, top: 2.2cm, bottom: 2cm),
  header: context {
    if counter(page).get().first() > 1 {
      set text(8pt, fill: luma(90))
      d.header
      h(1fr)
      if d.draftMark != none { strong(d.draftMark) }
    }
  },
  footer: context {
    set text(8pt, fill: luma(90))
    h(1fr)
    counter(page).display("1 / 1", both: true)
  },
)
#show heading.where(level: 1): it => { pagebreak(weak: true); set text(16pt); it; v(0.3em) }
#show heading.where(level: 2): set text(13pt)
#show heading.where(level: 3): set text(11pt)
#show figure.caption: set text(9pt)
#show figure: set block(breakable: true)
#show figure.where(kind: table): set figure.caption(position: top)

#let cell(v) = if type(v) == str { v } else { str(v) }
#let tbl(t) = {
  let numeric = t.at("numeric", default: ())
  let n = t.columns.len()
  figure(
    kind: table,
    caption: t.caption,
    table(
      // The first column names the row (a standard, an action): give it the most room.
      columns: if n > 3 { (2.2fr,) + (1fr,) * (n - 1) } else { (1fr,) * n },
      align: (x, y) => if numeric.contains(x) { right } else { left },
      stroke: 0.5pt + luma(170),
      inset: 5pt,
      fill: (x, y) => if y == 0 { luma(235) },
      table.header(..t.columns.map(c => strong(c))),
      ..t.rows.flatten().map(cell),
    ),
  )
}

#for b in d.blocks {
  if b.kind == "title" {
    v(3cm)
    title(b.text)
    text(14pt, b.subtitle)
    v(1cm)
  } else if b.kind == "heading" {
    heading(level: b.level, b.text)
  } else if b.kind == "paragraph" {
    par(b.text)
  } else if b.kind == "mark" {
    block(stroke: 1pt + black, inset: 8pt, width: 100%, strong(b.text))
  } else if b.kind == "terms" {
    terms(..b.items.map(i => terms.item(strong(i.at(0)), i.at(1))))
  } else if b.kind == "list" {
    list(..b.items)
  } else if b.kind == "table" {
    tbl(b.table)
  } else if b.kind == "figure" {
    figure(image(b.file, alt: b.alt, width: 100%), caption: b.caption)
    tbl(b.table)
  } else if b.kind == "pagebreak" {
    pagebreak(weak: true)
  }
}
`;
