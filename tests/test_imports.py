"""Importing the SDK is cheap: each public name is imported from its module on first use."""

from __future__ import annotations

import json
import subprocess
import sys

import contentgroove
import pytest

import contentgroove_client.models


def imported_after(statement: str) -> set[str]:
    """The modules a fresh interpreter has imported after running ``statement``."""
    code = f"import sys; {statement}; import json; print(json.dumps(sorted(sys.modules)))"
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    return set(json.loads(done.stdout))


def test_import_contentgroove_imports_neither_the_http_stack_nor_the_models() -> None:
    modules = imported_after("import contentgroove")

    assert {"httpx", "anyio", "attrs", "contentgroove_client"}.isdisjoint(modules)
    assert "contentgroove._client" not in modules


def test_the_client_does_not_import_the_webhooks_package() -> None:
    modules = imported_after("from contentgroove import ContentGroove")

    assert "httpx" in modules
    assert not any(m.startswith("contentgroove.webhooks") for m in modules)


@pytest.mark.parametrize("name", contentgroove.__all__)
def test_every_public_name_can_be_imported(name: str) -> None:
    value = getattr(contentgroove, name)

    assert value is not None
    assert name in dir(contentgroove)
    if isinstance(value, type):
        assert value.__module__.startswith("contentgroove.")


def test_an_unknown_name_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="module 'contentgroove' has no attribute 'Nope'"):
        contentgroove.Nope  # type: ignore[attr-defined]  # noqa: B018


def test_star_import_gives_every_public_name() -> None:
    namespace: dict[str, object] = {}
    exec("from contentgroove import *", namespace)

    assert set(contentgroove.__all__) <= set(namespace)


def test_generated_models_are_imported_one_module_at_a_time() -> None:
    modules = imported_after("from contentgroove_client.models import ErrorResponse")

    assert "contentgroove_client.models.error_response" in modules
    assert "contentgroove_client.models.media_processing_finished_event" not in modules
    for name in contentgroove_client.models.__all__:
        assert getattr(contentgroove_client.models, name) is not None
        assert name in dir(contentgroove_client.models)
    with pytest.raises(AttributeError, match="has no attribute 'Nope'"):
        contentgroove_client.models.Nope  # type: ignore[attr-defined]  # noqa: B018
