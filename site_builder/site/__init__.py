"""The site: pages, charts and open data rendered from the figures, and the build
that runs MkDocs over them.
"""
