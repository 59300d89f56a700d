"""PostgreSQL search index: angle brackets read as text, as SQLite reads them.

PostgreSQL's text-search parser takes `<angle>` for an XML tag and indexes nothing of it,
while SQLite's FTS5 indexes the word: the same search gave different pages. The generated
column now indexes the text with `<` and `>` turned into spaces. Nothing changes on SQLite.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-06
"""

from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def _vector(expression: str) -> None:
    op.execute("DROP INDEX IF EXISTS ix_document_pages_search")
    op.execute("ALTER TABLE document_pages DROP COLUMN IF EXISTS search_vector")
    op.execute(
        "ALTER TABLE document_pages ADD COLUMN search_vector tsvector "
        f"GENERATED ALWAYS AS (to_tsvector('english', {expression})) STORED"
    )
    op.execute("CREATE INDEX ix_document_pages_search ON document_pages USING gin (search_vector)")


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        _vector("translate(text, '<>', '  ')")


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        _vector("text")
