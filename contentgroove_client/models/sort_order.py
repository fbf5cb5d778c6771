from typing import Literal

SortOrder = Literal[
    "-created_at",
    "-name",
    "-original_created_at",
    "created_at",
    "name",
    "original_created_at",
]

SORT_ORDER_VALUES: set[SortOrder] = {
    "-created_at",
    "-name",
    "-original_created_at",
    "created_at",
    "name",
    "original_created_at",
}


def check_sort_order(value: str) -> SortOrder:
    if value in SORT_ORDER_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {SORT_ORDER_VALUES!r}"
    )
