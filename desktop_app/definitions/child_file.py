"""The child file's lists (forms/child_details.toml) and the MIS export columns it reads (forms/mis_import.toml)."""

from __future__ import annotations

from pydantic import Field, field_validator

from desktop_app.definitions.models import Id, Text, _Document, _first_duplicate, _Frozen


class Need(_Frozen):
    """A special educational need or disability. ``learning_disability`` ones make the screening's fact true."""

    id: Id
    title: Text
    learning_disability: bool = False


class ChildDetailsDefinition(_Document):
    adult_note: Text  # shown beside a young person of 18 or over
    genders: tuple[Text, ...] = Field(min_length=1)
    ethnicities: tuple[Text, ...] = Field(min_length=1)
    religions: tuple[Text, ...] = Field(min_length=1)
    languages: tuple[Text, ...] = Field(min_length=1)
    relationships: tuple[Text, ...] = Field(min_length=1)  # suggestions for parents, carers and household members
    agencies: tuple[Text, ...] = Field(min_length=1)  # suggestions for other agencies involved
    needs: tuple[Need, ...] = Field(min_length=1)

    @field_validator("needs")
    @classmethod
    def _unique(cls, needs: tuple[Need, ...]) -> tuple[Need, ...]:
        duplicate = _first_duplicate([need.id for need in needs])
        if duplicate:
            raise ValueError(f"the need id {duplicate!r} is used more than once")
        return needs

    def need(self, need_id: str) -> Need | None:
        return next((n for n in self.needs if n.id == need_id), None)

    def need_title(self, need_id: str) -> str:
        need = self.need(need_id)
        return need.title if need else need_id.replace("_", " ").capitalize()

    def learning_disability(self, need_ids: tuple[str, ...]) -> bool:
        return any(n.learning_disability for n in self.needs if n.id in need_ids)


class MisColumns(_Frozen):
    """The headings a school's MIS export may use for each value, compared without case, spaces or punctuation."""

    upn: tuple[Text, ...] = Field(min_length=1)
    first_name: tuple[Text, ...] = Field(min_length=1)
    last_name: tuple[Text, ...] = Field(min_length=1)
    known_as: tuple[Text, ...] = ()
    date_of_birth: tuple[Text, ...] = Field(min_length=1)
    year_group: tuple[Text, ...] = ()
    gender: tuple[Text, ...] = ()
    address: tuple[Text, ...] = ()  # a whole address in one column
    address_lines: tuple[Text, ...] = ()  # or its parts, joined in this order
    contact_name: tuple[Text, ...] = ()  # first contact (parent or carer)
    contact_relationship: tuple[Text, ...] = ()
    contact_phone: tuple[Text, ...] = ()
    contact_email: tuple[Text, ...] = ()
    contact_parental_responsibility: tuple[Text, ...] = ()
    contact2_name: tuple[Text, ...] = ()
    contact2_relationship: tuple[Text, ...] = ()
    contact2_phone: tuple[Text, ...] = ()
    contact2_email: tuple[Text, ...] = ()
    contact2_parental_responsibility: tuple[Text, ...] = ()


class MisImportDefinition(_Document):
    columns: MisColumns
    date_formats: tuple[Text, ...] = Field(min_length=1)  # strptime formats, tried in order
