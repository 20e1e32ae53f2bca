"""Reports rendered from the database: a stored report back as a ParsedDocument for the
exporters (xlsx, docx, html, csv, json, text), and, later, the bulletin."""
