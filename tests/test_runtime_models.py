"""The runtime's model base class, sentinels and error-body parsing (no HTTP needed)."""

from __future__ import annotations

import copy
import json
import pickle
from datetime import datetime, timedelta, timezone
from types import SimpleNamespace

import httpx
import pytest

SUPEROFFICE_ITEM = {
    "ItemId": 5,
    "Name": "Elan Hoppski",
    "Updated": "2017-09-17T11:10:26.1285249+02:00",
    "Tags": [{"TagId": 1, "Name": "vip", "Colour": "red"}],
    "UserDefinedFields": {"SuperOffice:1": "x"},
}


def test_seven_digit_datetime_parses_timezone_aware_and_round_trips(
    rt: SimpleNamespace,
) -> None:
    item = rt.Item.model_validate(SUPEROFFICE_ITEM)
    assert item.updated == datetime(2017, 9, 17, 11, 10, 26, 128524, tzinfo=timezone(timedelta(hours=2)))
    assert item.updated.utcoffset() == timedelta(hours=2)
    dumped = item.to_dict()
    assert dumped["Updated"] == "2017-09-17T11:10:26.128524+02:00"
    again = rt.Item.model_validate(dumped)
    assert again == item
    assert rt.Item.model_validate_json(item.to_json()) == item


@pytest.mark.parametrize(
    ("wire", "offset"),
    [
        ("2021-11-05T08:00:00Z", timedelta(0)),
        ("2021-11-05T08:00:00.1234567-05:00", timedelta(hours=-5)),
        ("2021-11-05T08:00:00", None),
    ],
)
def test_other_date_time_shapes(rt: SimpleNamespace, wire: str, offset: timedelta | None) -> None:
    updated = rt.Item.model_validate({"Updated": wire}).updated
    assert updated.utcoffset() == offset


def test_populate_by_alias_and_by_name(rt: SimpleNamespace) -> None:
    by_alias = rt.Item.model_validate({"ItemId": 1, "Name": "a"})
    by_name = rt.Item(item_id=1, name="a")
    assert by_alias == by_name
    assert by_name.to_dict() == {"ItemId": 1, "Name": "a"}


def test_extra_fields_are_preserved_and_dumped_back(rt: SimpleNamespace) -> None:
    item = rt.Item.model_validate(SUPEROFFICE_ITEM)
    assert item.UserDefinedFields == {"SuperOffice:1": "x"}
    assert item.tags[0].Colour == "red"
    dumped = item.to_dict()
    assert dumped["UserDefinedFields"] == {"SuperOffice:1": "x"}
    assert dumped["Tags"] == [{"TagId": 1, "Name": "vip", "Colour": "red"}]
    assert json.loads(item.to_json())["Tags"][0]["Colour"] == "red"


def test_to_dict_leaves_out_unset_fields_but_keeps_explicit_none(
    rt: SimpleNamespace,
) -> None:
    assert rt.Item(name=None).to_dict() == {"Name": None}
    assert rt.Item().to_dict() == {}


def test_numbers_where_strings_are_documented_are_accepted(rt: SimpleNamespace) -> None:
    assert rt.Item.model_validate({"Name": 123}).name == "123"


def test_model_validators_are_built_lazily(tmp_path: object) -> None:
    """Defining a model does no schema work; the first validation does."""
    from pathlib import Path

    from generate_support import run_script
    from runtime_harness import PACKAGE_NAME, write_package

    root = Path(str(tmp_path))
    write_package(root)
    assert run_script(root, "runtime_lazy_validators.py", PACKAGE_NAME) == [False, True]


def test_not_given_is_a_falsy_singleton(rt: SimpleNamespace) -> None:
    not_given = rt.types.NOT_GIVEN
    assert not not_given
    assert repr(not_given) == "NOT_GIVEN"
    assert rt.types.NotGiven() is not_given
    assert copy.deepcopy(not_given) is not_given
    assert pickle.loads(pickle.dumps(not_given)) is not_given


def test_not_modified_is_a_falsy_singleton(rt: SimpleNamespace) -> None:
    not_modified = rt.response.NOT_MODIFIED
    assert not not_modified
    assert repr(not_modified) == "NOT_MODIFIED"
    assert rt.response.NotModified() is not_modified
    assert copy.copy(not_modified) is not_modified


@pytest.mark.parametrize(
    ("body", "fields"),
    [
        (
            {
                "Error": True,
                "ErrorType": "SoException",
                "ErrorMessage": "m",
                "ErrorSource": "s",
            },
            ("SoException", "m", "s"),
        ),
        (
            {"error": {"message": "m", "type": "invalid_request"}},
            ("invalid_request", "m", None),
        ),
        ({"detail": "d", "title": "t"}, (None, "d", None)),
        ({"title": "Not Found", "status": 404}, (None, "Not Found", None)),
        ({"error": "invalid_grant"}, (None, "invalid_grant", None)),
        ([1, 2], (None, None, None)),
    ],
)
def test_error_body_fields(rt: SimpleNamespace, body: object, fields: tuple[object, ...]) -> None:
    request = httpx.Request("GET", "https://example.com/api/v1/x")
    response = httpx.Response(400, json=body, request=request)
    error = rt.errors.make_status_error(response)
    assert (error.error_type, error.error_message, error.error_source) == fields
    assert error.request is request


def test_empty_and_html_error_bodies(rt: SimpleNamespace) -> None:
    request = httpx.Request("GET", "https://example.com/")
    empty = rt.errors.make_status_error(httpx.Response(502, request=request))
    assert isinstance(empty, rt.errors.InternalServerError)
    assert empty.body is None and empty.error_message is None
    assert str(empty) == "502 Bad Gateway"
    html = "<html>" + "x" * 2000 + "</html>"
    big = rt.errors.make_status_error(httpx.Response(500, text=html, request=request))
    assert big.body == html
    assert len(str(big)) < 600


def test_constructing_a_model_gives_what_model_construct_gives(rt: SimpleNamespace) -> None:
    """_construct fills models from a per-class plan instead of calling model_construct on every
    response: the instances must be the same, attribute for attribute."""
    import importlib

    import pydantic

    construct = importlib.import_module(f"{rt.models.__name__.rsplit('.', 1)[0]}._construct")

    class Aliased(rt.models.BaseModel):  # type: ignore[name-defined,misc]
        by_alias: int | None = pydantic.Field(default=None, alias="ByAlias")
        by_choice: str | None = pydantic.Field(default=None, validation_alias=pydantic.AliasChoices("First", "Second"))
        listed: list[int] = pydantic.Field(default_factory=list, validation_alias="Listed")
        shared: list[int] = pydantic.Field(default=[1, 2], validation_alias="Shared")
        from_data: int = pydantic.Field(default_factory=lambda data: len(data), validation_alias="FromData")
        required: int = pydantic.Field(validation_alias="Required")

    class Ignoring(pydantic.BaseModel):
        model_config = pydantic.ConfigDict(extra="ignore")
        name: str = "x"

    class WithPrivate(rt.models.BaseModel):  # type: ignore[name-defined,misc]
        _secret: int = 3
        name: str | None = None

    cases: list[tuple[type[pydantic.BaseModel], dict[str, object]]] = [
        (Aliased, {}),
        (Aliased, {"ByAlias": 1, "by_choice": "n", "Second": "s", "Listed": [3], "Unknown": {"a": 1}}),
        (Aliased, {"by_alias": 2, "First": "f", "Second": "s", "required": 4, "shared": [9]}),
        (Aliased, {"Required": 1, "Other": 2}),
        (Ignoring, {"name": "y", "other": 1}),
        (WithPrivate, {"name": "n", "_secret": 5, "more": True}),
        (rt.Item, dict(SUPEROFFICE_ITEM)),
        (rt.Item, dict(SUPEROFFICE_ITEM, Extra=None, Nested={"x": [1]})),
        # unknown keys that model_construct takes for a field (by attribute name)
        (rt.Item, dict(SUPEROFFICE_ITEM, item_id=7, updated="not converted")),
    ]
    for model, data in cases:
        # the definition: model_construct of the converted fields plus the unknown keys
        construct.construct_model(model, {})  # builds the class's table and plan
        table = construct._FIELD_TABLES[model]
        expected = model.model_construct(**construct._fields(table, data))
        plan = construct._PLANS[model]
        results = [construct.construct_model(model, data)]
        if plan is not None:
            results.append(construct._construct_slowly(model, plan, construct._fields(table, data)))
        for planned in results:
            assert type(planned) is type(expected)
            assert list(planned.__dict__.items()) == list(expected.__dict__.items())
            assert planned.model_fields_set == expected.model_fields_set
            assert planned.model_extra == expected.model_extra
            assert planned.__pydantic_private__ == expected.__pydantic_private__
            assert planned == expected
    assert construct._PLANS[Aliased] is not None and construct._PLANS[rt.Item] is not None
    assert construct._PLANS[rt.Item].rows is not None  # generated models: the one-pass fill
    assert construct._PLANS[WithPrivate] is None  # private attributes: model_construct itself
    # a default made per instance is not shared between instances
    first, second = (construct.construct_model(Aliased, {}) for _ in range(2))
    assert first.shared == [1, 2] and first.shared is not second.shared
    assert first.listed is not second.listed
