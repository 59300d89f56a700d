"""Text instead of varchar(n) for every column people fill in: one schema for both backends.

SQLite never enforced the lengths; PostgreSQL refused a long review reference, study, region,
coder, child label or document title with an error. Now both accept the same data.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-06
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

# table -> (column, old length)
COLUMNS = {
    "studies": [("key", 100), ("title", 300)],
    "reviews": [("reference", 100), ("title", 500), ("region", 100)],
    "children": [("label", 100)],
    "codes": [("codebook_id", 100), ("codebook_version", 50), ("field_id", 64), ("coder", 100)],
    "documents": [("filename", 500), ("title", 500)],
    "document_sections": [("title", 500)],
}


def upgrade() -> None:
    for table, columns in COLUMNS.items():
        with op.batch_alter_table(table) as batch:
            for name, length in columns:
                batch.alter_column(name, type_=sa.Text(), existing_type=sa.String(length))


def downgrade() -> None:
    for table, columns in COLUMNS.items():
        with op.batch_alter_table(table) as batch:
            for name, length in columns:
                batch.alter_column(name, type_=sa.String(length), existing_type=sa.Text())
