"""The attachments panel of one registered case, shown as on a desk."""

from __future__ import annotations

import pytest

from krm_desktop.model.store.entities import Case
from krm_desktop.ui.attachments.panel import AttachmentsPanel
from tests import factories as f


@pytest.fixture
def case(store) -> Case:
    return f.register()


@pytest.fixture
def panel(qtbot, case: Case) -> AttachmentsPanel:
    widget = AttachmentsPanel()
    qtbot.addWidget(widget)
    widget.resize(760, 360)
    widget.show()
    widget.show_case(case.id, user="petra.krause", today=f.TODAY, read_only=False)
    return widget
