"""The web app: HTML pages (Jinja2 + htmx) and a JSON API over the application layer."""
