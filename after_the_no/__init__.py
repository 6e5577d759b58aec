"""After the No: the logic behind the site, kept free of MkDocs so it can be tested alone (see ARCHITECTURE.md)."""
