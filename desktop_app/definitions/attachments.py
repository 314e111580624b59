"""forms/attachments.toml: which files may be kept with a concern, how large, and the body map's named places."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

from pydantic import Field, field_validator

from desktop_app.definitions.models import Id, Text, _Document, _first_duplicate, _Frozen

Fraction = Annotated[float, Field(ge=0.0, le=1.0)]


class FileKind(_Frozen):
    """A kind of file that may be kept: known by its name's ending and, unless text, by its first bytes."""

    id: Id
    name: Text  # short, in a sentence and the Kind column: "PNG picture"
    title: Text
    media_type: Text
    extensions: tuple[Annotated[str, Field(pattern=r"^\.[a-z0-9]+$")], ...] = Field(min_length=1)
    starts_with_hex: tuple[Annotated[str, Field(pattern=r"^([0-9a-f]{2})+$")], ...] = ()
    text: bool = False

    def matches_start(self, head: bytes) -> bool:
        return any(head.startswith(bytes.fromhex(start)) for start in self.starts_with_hex)


class Region(_Frozen):
    """A named place on the body map, for placing a mark without a mouse."""

    id: Id
    title: Text
    side: Annotated[str, Field(pattern=r"^(front|back)$")]
    x: Fraction
    y: Fraction


class AttachmentsDefinition(_Document):
    max_megabytes: Annotated[int, Field(ge=1, le=200)]
    kinds_sentence: Text  # "Waymark keeps PDF, PNG, ...": the add window's intro and a refusal's second sentence
    kinds: tuple[FileKind, ...] = Field(min_length=1)
    regions: tuple[Region, ...] = Field(min_length=1)

    @field_validator("kinds", "regions")
    @classmethod
    def _unique(cls, items: tuple[FileKind, ...] | tuple[Region, ...]) -> tuple[FileKind, ...] | tuple[Region, ...]:
        duplicate = _first_duplicate([item.id for item in items])
        if duplicate:
            raise ValueError(f"the id {duplicate!r} is used more than once")
        return items

    @property
    def max_bytes(self) -> int:
        return self.max_megabytes * 1024 * 1024

    def kind_for_name(self, file_name: str) -> FileKind | None:
        ending = Path(file_name).suffix.lower()
        return next((k for k in self.kinds if ending in k.extensions), None)

    def kind_for_media_type(self, media_type: str) -> FileKind | None:
        return next((k for k in self.kinds if k.media_type == media_type), None)

    def allowed_endings(self) -> tuple[str, ...]:
        return tuple(e for k in self.kinds for e in k.extensions)
