"""The pages: Jinja templates (autoescaped) filled from the figures, one module per kind of page."""
