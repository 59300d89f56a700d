"""Report layouts by codebook: the Cafcass SCR studies' own, and a generic one built from
any codebook's field groups (the Triennial codebook and users' own codebooks use it)."""

from __future__ import annotations

from casereview.codebook.model import Codebook
from casereview.reports.layout import Layout


def layout_for(codebook: Codebook) -> Layout:
    if codebook.id == "cafcass-scr":
        from casereview.reports.layouts.cafcass import LAYOUT

        return LAYOUT
    from casereview.reports.layouts.generic import generic_layout

    return generic_layout(codebook)
