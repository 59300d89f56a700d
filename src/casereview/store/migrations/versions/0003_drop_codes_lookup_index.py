"""Drop the codes lookup index: analysis reads scan the table faster without it.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-25
"""

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.drop_index("ix_codes_lookup", table_name="codes")


def downgrade() -> None:
    op.create_index("ix_codes_lookup", "codes", ["codebook_id", "field_id", "status"])
