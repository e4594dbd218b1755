"""The paper report form (แบบรายงาน), described once: the single source of its items.

Why this module exists: the eight items of the form were restated in the model,
the rules, the exports, the pilot page, the templates, the demo generator and the
schema, and every copy could drift. Everything that needs to know what the form
asks reads it from here:

- ``schema/report.schema.json`` is generated from :data:`FORM` by ``report_schema.py``
  (``python -m site_builder.report.report_schema``; a test keeps the file equal to it);
- the report templates, ``new-report`` and the prefilled web-editor link write the
  questions, the allowed answers and the date-format line from it;
- the pilot page, the exports, the demo generator and the evaluation take titles,
  labels and field lists from it;
- the web form page (กรอกแบบรายงาน) is generated from it.

Shape (all frozen, no I/O; stable API for the web form):

- :class:`Form` ``FORM``: ``header`` fields, ``items`` (1-8), ``reporter`` fields, ``note``.
  ``FORM.item(n)``, ``FORM.field("item7.projects")``, ``FORM.fields()``.
- :class:`Item`: ``number``, ``key`` ("item2"), ``title`` (Thai), ``short`` (a few
  words, "คณะทำงาน"), ``title_en``,
  ``question`` (paper wording; ``{threshold}`` and ``{budget_year}`` filled by
  :meth:`Item.worded`), ``criterion`` (1-5 it feeds), ``fields``.
- :class:`Field`: ``path`` ("item2.status"), ``key``, ``kind`` (one of :data:`KINDS`),
  ``label`` (Thai), ``label_en``, ``paper`` (the blank as printed, e.g.
  "จะจัดตั้งให้เสร็จภายในวันที่....."), ``required``, ``minimum``/``maximum`` for
  numbers, ``max_length`` for text, ``choices`` for choice kinds, ``computed_from``
  for a percent (numerator path, denominator path).
- :class:`Choice`: ``code`` (the canonical value kept in exports, e.g. "not_yet"),
  ``label`` (the paper's checkbox wording, e.g. "ยังไม่มีคณะทำงาน", written into
  templates), ``variants`` (further accepted wordings), ``follow_up`` (keys of the
  blanks the paper prints after this box, e.g. ("expected_date",)).

Thai wording is a valid answer: :func:`canonical` maps the code, the paper's label
or a variant to the code. Comparison uses :func:`answer_key`, which ignores case,
spaces, zero-width characters, the dot, slashes, brackets and tick marks, a final
"แล้ว", and a sara am typed as nikhahit + sara aa (with or without a tone mark
between). A test proves no key maps to two codes within one field.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Literal

Kind = Literal["choice", "multi_choice", "count", "date", "percent", "text", "code"]
KINDS: tuple[str, ...] = ("choice", "multi_choice", "count", "date", "percent", "text", "code")

DATE_FORMAT_LINE = "วันที่ทุกช่องเขียนเป็น พ.ศ. แบบ ปปปป-ดด-วว เช่น {example} ใช้เลขไทยได้ เช่น ๒๕๕๕-๐๕-๒๕"
DATE_FORMAT_SHORT = "วันที่เป็น พ.ศ. ปปปป-ดด-วว เช่น {example}"  # the same rule, where space is short


@dataclass(frozen=True)
class Choice:
    code: str
    label: str
    variants: tuple[str, ...] = ()
    follow_up: tuple[str, ...] = ()

    @property
    def accepted(self) -> tuple[str, ...]:
        """Every wording the validator reads as this choice (before normalisation)."""
        return (self.label, self.code, *self.variants)


@dataclass(frozen=True)
class Field:
    path: str
    kind: Kind
    label: str
    label_en: str
    paper: str = ""
    required: bool = False
    choices: tuple[Choice, ...] = ()
    minimum: int | None = None
    maximum: int | None = None
    max_length: int | None = None
    computed_from: tuple[str, str] | None = None
    description: str = ""

    @property
    def key(self) -> str:
        return self.path.rsplit(".", 1)[-1]

    def choice(self, code: str) -> Choice | None:
        return next((c for c in self.choices if c.code == code), None)

    def label_of(self, code: str) -> str:
        """The paper's wording for a canonical code (the code itself if unknown)."""
        c = self.choice(code)
        return c.label if c else code

    @property
    def answers_th(self) -> str:
        """'มีคณะทำงาน หรือ ยังไม่มีคณะทำงาน': the allowed answers, as on paper."""
        return " หรือ ".join(c.label for c in self.choices)


@dataclass(frozen=True)
class Item:
    number: int
    title: str
    title_en: str
    question: str
    criterion: int | None
    fields: tuple[Field, ...]
    short: str = ""  # a few words, for a comment line: "คณะทำงาน"

    @property
    def key(self) -> str:
        return f"item{self.number}"

    @property
    def status(self) -> Field | None:
        return next((f for f in self.fields if f.key in ("status", "unit")), None)

    def field(self, key: str) -> Field:
        return next(f for f in self.fields if f.key == key)

    def worded(self, threshold: str = "", budget_year: int | str = "") -> str:
        """The paper question with this year's threshold and budget year filled in."""
        return self.question.format(threshold=threshold, budget_year=budget_year)


@dataclass(frozen=True)
class Form:
    title: str
    instruction: str
    header: tuple[Field, ...]
    items: tuple[Item, ...]
    reporter: tuple[Field, ...]
    note: Field
    _index: dict[str, Field] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        for f in self.fields():
            self._index[f.path] = f

    def item(self, number: int) -> Item:
        return self.items[number - 1]

    def fields(self) -> tuple[Field, ...]:
        """Every field of the form, in the order of the paper."""
        return (
            *self.header,
            *(f for i in self.items for f in i.fields),
            *self.reporter,
            self.note,
        )

    def field(self, path: str) -> Field:
        return self._index[path]

    def get(self, path: str) -> Field | None:
        return self._index.get(path)


# ---------------------------------------------------------------- wording helpers

_ZERO_WIDTH = re.compile("[\u200b-\u200d\u2060\ufeff\u00ad\u180e]")
_PUNCT = re.compile(r"[\s._\-/\\(),:;'\"`*✓✔☑☒✗]+")
_TONE = "[\u0e48-\u0e4b]"


def thai_normal(text: str) -> str:
    """NFC, zero-width characters removed, sara am typed as nikhahit + sara aa joined."""
    s = unicodedata.normalize("NFC", str(text))
    s = _ZERO_WIDTH.sub("", s)
    s = re.sub(f"\u0e4d({_TONE})\u0e32", "\\1\u0e33", s)
    s = re.sub(f"({_TONE})\u0e4d\u0e32", "\\1\u0e33", s)
    return s.replace("\u0e4d\u0e32", "\u0e33")


@lru_cache(maxsize=4096)
def answer_key(text: object) -> str:
    """The comparison key of an answer: see the module docstring for what it ignores.
    Cached: a national run asks for the same few answers some 40,000 times."""
    s = _PUNCT.sub("", thai_normal(str(text)).casefold())
    return s.removesuffix("แล้ว") if len(s) > len("แล้ว") else s


def canonical(path: str, value: object) -> str | None:
    """The canonical code of a choice answer, or None when the answer is not a choice of
    ``path`` (for example "item2.status": "มีคณะทำงาน" -> "done")."""
    table = _ANSWERS.get(path)
    if table is None or isinstance(value, bool) or not isinstance(value, str | int):
        return None
    return table.get(answer_key(value))


# ---------------------------------------------------------------- the form

_DONE = ("ดำเนินการแล้ว", "ทำแล้ว", "เสร็จแล้ว", "done")
_NOT_YET = (
    "ยังไม่ดำเนินการ",
    "ยังไม่ได้ดำเนินการ",
    "ไม่ได้ดำเนินการ",
    "ยังไม่เสร็จ",
    "ยังไม่ได้ทำ",
    "not_yet",
    "not yet",
    "notyet",
)
_DATE_DONE = "วันที่ดำเนินการแล้ว (พ.ศ.)"
_DATE_HELP = "วันที่ พ.ศ. แบบ ปปปป-ดด-วว เช่น 2555-05-25 (ใช้เลขไทยได้ เช่น ๒๕๕๕-๐๕-๒๕)"


def _date(
    path: str, label: str, paper: str, desc: str, required: bool = False, en: str = "date"
) -> Field:
    return Field(
        path, "date", label, f"{en} (Buddhist era)", paper, required=required, description=desc
    )


def _done_date(key: str, paper: str = "") -> Field:
    return _date(
        f"{key}.date",
        _DATE_DONE,
        paper,
        "วันที่ดำเนินการเสร็จ (ถ้ามี) ต้องไม่หลังวันที่รายงาน",
        en="date done",
    )


def _expected(key: str, paper: str) -> Field:
    return _date(
        f"{key}.expected_date",
        "คาดว่าจะเสร็จภายในวันที่ (พ.ศ.)",
        paper,
        "เมื่อยังไม่ดำเนินการ: วันที่คาดว่าจะเสร็จ ต้องไม่ก่อนวันที่รายงาน",
        en="expected by",
    )


def _status(key: str, done: Choice, not_yet: Choice) -> Field:
    return Field(
        f"{key}.status",
        "choice",
        "สถานะ",
        "status",
        required=True,
        choices=(done, not_yet),
    )


def _projects(key: str, label: str, paper: str, desc: str) -> Field:
    return Field(
        f"{key}.projects",
        "count",
        label,
        "number of projects/activities",
        paper,
        minimum=0,
        maximum=100000,
        description=desc,
    )


def _share(
    n: int, of: int, title: str, title_en: str, question: str, criterion: int, short: str
) -> Item:
    key = f"item{n}"
    return Item(
        n,
        title,
        title_en,
        question,
        criterion,
        (
            _status(
                key,
                Choice(
                    "done",
                    "ดำเนินการแล้ว",
                    _DONE[1:],
                    follow_up=("projects", "percent"),
                ),
                Choice(
                    "not_yet",
                    "ยังไม่ดำเนินการ",
                    _NOT_YET[1:],
                    follow_up=("expected_date",),
                ),
            ),
            _projects(
                key,
                "จำนวนโครงการ/กิจกรรม",
                "จำนวน.....โครงการ/กิจกรรม",
                f"จำนวนโครงการ/กิจกรรม (ต้องไม่เกินจำนวนในข้อ {of})",
            ),
            Field(
                f"{key}.percent",
                "percent",
                "คิดเป็นร้อยละ",
                "percent as written on the form (recomputed from counts)",
                "คิดเป็นร้อยละ.....",
                minimum=0,
                maximum=100,
                computed_from=(f"item{n}.projects", f"item{of}.projects"),
                description=(
                    f"ไม่บังคับ ร้อยละ = จำนวนข้อ {n} × 100 ÷ จำนวนข้อ {of} "
                    "ถ้าระบุ ต้องตรงกับการคำนวณ เขียนเป็นตัวเลขไม่มีเครื่องหมาย %"
                ),
            ),
            _done_date(key),
            _expected(key, "จะดำเนินการภายในวันที่....."),
        ),
        short,
    )


LAO_TYPE = Field(
    "lao_type",
    "choice",
    "ประเภท อปท.",
    "LAO type",
    "( ) เทศบาล ( ) อบต.",
    required=True,
    choices=(
        Choice(
            "municipality",
            "เทศบาล",
            ("เทศบาลตำบล", "เทศบาลเมือง", "เทศบาลนคร", "ทต.", "ทม.", "ทน."),
        ),
        Choice("sao", "อบต.", ("องค์การบริหารส่วนตำบล",)),
    ),
)

DIMENSION_CHOICES = (
    Choice("economy", "ด้านเศรษฐกิจ", ("เศรษฐกิจ",)),
    Choice(
        "social",
        "ด้านสังคมและคุณภาพชีวิต",
        ("สังคมและคุณภาพชีวิต", "ด้านสังคม", "สังคม", "คุณภาพชีวิต", "ด้านคุณภาพชีวิต"),
    ),
    Choice(
        "environment",
        "ด้านทรัพยากรธรรมชาติและสิ่งแวดล้อม",
        (
            "ทรัพยากรธรรมชาติและสิ่งแวดล้อม",
            "ด้านทรัพยากรธรรมชาติ",
            "ทรัพยากรธรรมชาติ",
            "ด้านสิ่งแวดล้อม",
            "สิ่งแวดล้อม",
        ),
    ),
)

_TEXT = 200

FORM = Form(
    title=(
        "แบบรายงานผลการดำเนินงานตัวชี้วัดที่ ๓.๒ ร้อยละของเทศบาลและองค์การบริหารส่วนตำบลต้นแบบ"
        "นำแผนชุมชนสู่การพัฒนาท้องถิ่นได้ตามเกณฑ์ที่กำหนด"
    ),
    instruction="โปรดใส่เครื่องหมาย / ใน ( ) และเติมค่าในช่องว่างที่ตรงกับความเป็นจริงในพื้นที่",
    header=(
        Field(
            "fiscal_year",
            "count",
            "ปีงบประมาณ (พ.ศ.)",
            "fiscal year (Buddhist era)",
            required=True,
            minimum=2555,
            maximum=2600,
            description="ปีงบประมาณ พ.ศ. ของตัวชี้วัด เช่น 2555",
        ),
        Field(
            "round",
            "count",
            "รายงานครั้งที่",
            "report round",
            "รายงานครั้งที่.....",
            required=True,
            minimum=1,
            maximum=12,
            description="รายงานครั้งที่ ... (ครั้งที่ 1 = 25 พฤษภาคม 2555 ถึงครั้งที่ 5 = 25 กันยายน 2555)",
        ),
        _date(
            "report_date",
            "วันที่รายงาน (พ.ศ.)",
            "วันที่รายงาน.....",
            "วันที่รายงาน เขียนเป็น พ.ศ. แบบ ปปปป-ดด-วว เช่น 2555-05-25",
            required=True,
        ),
        LAO_TYPE,
        Field(
            "lao_name",
            "text",
            "ชื่อเทศบาล/อบต.",
            "LAO name",
            "( ) เทศบาล ( ) อบต.....",
            required=True,
            max_length=_TEXT,
            description="ชื่อเต็มตามทะเบียนพื้นที่ต้นแบบ เช่น องค์การบริหารส่วนตำบลต้าผามอก",
        ),
        Field(
            "district_code",
            "code",
            "รหัสอำเภอ",
            "district code (DOPA)",
            required=True,
            minimum=4,
            maximum=4,
            description="รหัสอำเภอ 4 หลักของกรมการปกครอง เช่น 5403 (อำเภอลอง)",
        ),
        Field(
            "district",
            "text",
            "อำเภอ",
            "district",
            "อำเภอ.....",
            required=True,
            max_length=_TEXT,
            description="ชื่ออำเภอ ไม่ต้องมีคำว่า อำเภอ เช่น ลอง",
        ),
        Field(
            "province_code",
            "code",
            "รหัสจังหวัด",
            "province code (DOPA)",
            required=True,
            minimum=2,
            maximum=2,
            description="รหัสจังหวัด 2 หลักของกรมการปกครอง เช่น 54 (แพร่)",
        ),
        Field(
            "province",
            "text",
            "จังหวัด",
            "province",
            "จังหวัด.....",
            required=True,
            max_length=_TEXT,
            description="ชื่อจังหวัด ไม่ต้องมีคำว่า จังหวัด เช่น แพร่",
        ),
    ),
    items=(
        Item(
            1,
            "จำนวนหมู่บ้านหรือชุมชนทั้งหมด",
            "villages or communities",
            "๑. จำนวน ( ) หมู่บ้าน หรือ ( ) ชุมชน ทั้งหมด.....หมู่บ้าน/ชุมชน",
            None,
            (
                Field(
                    "item1.unit",
                    "choice",
                    "หมู่บ้านหรือชุมชน",
                    "unit",
                    "( ) หมู่บ้าน หรือ ( ) ชุมชน",
                    required=True,
                    choices=(
                        Choice("village", "หมู่บ้าน", ("หมู่",)),
                        Choice("community", "ชุมชน"),
                    ),
                ),
                Field(
                    "item1.total",
                    "count",
                    "จำนวนทั้งหมด",
                    "total villages/communities",
                    "ทั้งหมด.....หมู่บ้าน/ชุมชน",
                    required=True,
                    minimum=1,
                    maximum=1000,
                    description="จำนวนหมู่บ้าน/ชุมชนทั้งหมด เป็นจำนวนเต็มมากกว่า 0",
                ),
            ),
            short="หมู่บ้าน/ชุมชน",
        ),
        Item(
            2,
            "คณะทำงานสนับสนุนกระบวนการแผนชุมชนระดับท้องถิ่น",
            "local working group exists",
            "๒. มีคณะทำงานสนับสนุนกระบวนการแผนชุมชนระดับท้องถิ่น หรือคณะทำงานอื่น ๆ ที่เกี่ยวข้อง "
            "ที่มีหน่วยงาน องค์กร ผู้นำภาคประชาชนร่วมเป็นคณะทำงาน",
            1,
            (
                _status(
                    "item2",
                    Choice(
                        "done",
                        "มีคณะทำงาน",
                        ("มีคณะกรรมการ", "มี", *_DONE),
                    ),
                    Choice(
                        "not_yet",
                        "ยังไม่มีคณะทำงาน",
                        ("ยังไม่มีคณะกรรมการ", "ไม่มีคณะทำงาน", "ยังไม่มี", "ไม่มี", *_NOT_YET),
                        follow_up=("expected_date",),
                    ),
                ),
                _done_date("item2"),
                _expected("item2", "จะจัดตั้งให้เสร็จภายในวันที่....."),
            ),
            short="คณะทำงาน",
        ),
        Item(
            3,
            "แผนการดำเนินงานร่วมกันของคณะทำงานตามข้อ 2",
            "working group has a joint plan",
            "๓. คณะทำงานตามข้อ ๒ มีการกำหนดแผนการดำเนินงานสนับสนุนกระบวนการแผนชุมชนร่วมกัน",
            1,
            (
                _status(
                    "item3",
                    Choice(
                        "done",
                        "มีแผนดำเนินงานแล้ว",
                        ("มีแผนการดำเนินงานแล้ว", "มีแผนแล้ว", "มี", *_DONE),
                    ),
                    Choice(
                        "not_yet",
                        "ยังไม่มีแผนดำเนินงาน",
                        ("ยังไม่มีแผนการดำเนินงาน", "ยังไม่มีแผน", "ไม่มีแผน", "ยังไม่มี", "ไม่มี", *_NOT_YET),
                        follow_up=("expected_date",),
                    ),
                ),
                _done_date("item3"),
                _expected("item3", "จะจัดทำแผนดำเนินงานเสร็จภายในวันที่....."),
            ),
            short="แผนดำเนินงาน",
        ),
        Item(
            4,
            "เวทีประชาคมทบทวนแผนชุมชน 3 ด้าน ครบทุกหมู่บ้าน/ชุมชน",
            "village forums reviewed the plans",
            "๔. มีการจัดทำเวทีประชาคมทบทวน ปรับปรุงแผนชุมชน ครอบคลุมมิติการพัฒนาด้านเศรษฐกิจ ด้านสังคม"
            "และคุณภาพชีวิต ด้านทรัพยากรธรรมชาติและสิ่งแวดล้อม ครบทุกหมู่บ้านหรือชุมชน "
            "โดยคณะกรรมการหมู่บ้านหรือคณะกรรมการชุมชน",
            2,
            (
                _status(
                    "item4",
                    Choice(
                        "done",
                        "ดำเนินการครบทุกหมู่บ้าน/ชุมชนแล้ว",
                        (
                            "ดำเนินการครบทุกหมู่บ้านแล้ว",
                            "ดำเนินการครบทุกชุมชนแล้ว",
                            "ดำเนินการครบทุกหมู่บ้านหรือชุมชนแล้ว",
                            "ครบทุกหมู่บ้าน/ชุมชนแล้ว",
                            "ครบทุกหมู่บ้านแล้ว",
                            "ครบทุกชุมชนแล้ว",
                            "ดำเนินการครบแล้ว",
                            "ครบแล้ว",
                            *_DONE,
                        ),
                    ),
                    Choice(
                        "not_yet",
                        "ยังดำเนินการไม่ครบทุกหมู่บ้าน/ชุมชน",
                        (
                            "ยังดำเนินการไม่ครบทุกหมู่บ้าน",
                            "ยังดำเนินการไม่ครบทุกชุมชน",
                            "ยังดำเนินการไม่ครบ",
                            "ดำเนินการไม่ครบ",
                            "ยังไม่ครบ",
                            "ไม่ครบ",
                            *_NOT_YET,
                        ),
                        follow_up=("remaining", "expected_date"),
                    ),
                ),
                _done_date("item4"),
                Field(
                    "item4.remaining",
                    "count",
                    "จำนวนหมู่บ้าน/ชุมชนที่เหลือ",
                    "villages/communities remaining",
                    "(เหลือจำนวน.....หมู่บ้าน/ชุมชน)",
                    minimum=0,
                    maximum=100000,
                    description="ต้องไม่เกินจำนวนทั้งหมดในข้อ 1 เมื่อดำเนินการครบแล้วเว้นไว้",
                ),
                _expected("item4", "คาดว่าจะดำเนินการเสร็จภายในวันที่....."),
            ),
            short="ประชาคมหมู่บ้าน",
        ),
        Item(
            5,
            "เวทีประชาคมระดับเทศบาลหรือ อบต. บูรณาการแผนชุมชน",
            "LAO-level integration forum",
            "๕. มีจัดเวทีประชาคมระดับเทศบาล หรือ อบต. บูรณาการแผนชุมชนระดับเทศบาลหรือ อบต. "
            "โดยศูนย์ประสานงานองค์กรชุมชนระดับตำบล (ศอช.ต.) และสภาองค์กรชุมชน (สอช.) (ถ้ามี) "
            "หรือองค์กรภาคประชาชนอื่นระดับตำบล ร่วมกับแกนนำแผนชุมชน",
            3,
            (
                _status(
                    "item5",
                    Choice("done", "ดำเนินการแล้ว", _DONE[1:], follow_up=("date",)),
                    Choice("not_yet", "ยังไม่ดำเนินการ", _NOT_YET[1:], follow_up=("expected_date",)),
                ),
                _done_date("item5", "(เมื่อวันที่.....)"),
                _expected("item5", "คาดว่าจะดำเนินการเสร็จภายในวันที่....."),
            ),
            short="ประชาคมท้องถิ่น",
        ),
        Item(
            6,
            "แผนชุมชนที่บูรณาการครอบคลุม 3 ด้าน",
            "integrated plan covers 3 dimensions",
            "๖. แผนชุมชนที่มีการบูรณาการระดับเทศบาล หรือ อบต. ตามข้อ ๕ ครอบคลุมมิติการพัฒนาด้านเศรษฐกิจ "
            "ด้านสังคมและคุณภาพชีวิต ด้านทรัพยากรธรรมชาติและสิ่งแวดล้อม",
            3,
            (
                _status(
                    "item6",
                    Choice(
                        "covered",
                        "ครอบคลุม",
                        ("ครอบคลุมครบ", "ครอบคลุมครบ 3 ด้าน", "ครอบคลุม 3 ด้าน", "covered"),
                        follow_up=("projects",),
                    ),
                    Choice(
                        "not_covered",
                        "ไม่ครอบคลุม",
                        ("ยังไม่ครอบคลุม", "ครอบคลุมไม่ครบ", "not covered", "notcovered"),
                        follow_up=("missing_dimensions",),
                    ),
                ),
                _projects(
                    "item6",
                    "รวมจำนวนโครงการ/กิจกรรม",
                    "รวมจำนวน.....โครงการ/กิจกรรม",
                    "รวมจำนวนโครงการ/กิจกรรมในแผนชุมชนที่บูรณาการแล้ว (ตัวหารของร้อยละในข้อ 7)",
                ),
                Field(
                    "item6.missing_dimensions",
                    "multi_choice",
                    "ขาดด้าน",
                    "missing dimensions",
                    "ขาดด้าน.....",
                    choices=DIMENSION_CHOICES,
                    description="ด้านที่ขาด เช่น [ด้านทรัพยากรธรรมชาติและสิ่งแวดล้อม]",
                ),
            ),
            short="ครอบคลุม ๓ ด้าน",
        ),
        _share(
            7,
            6,
            "บรรจุโครงการ/กิจกรรมในแผนพัฒนาท้องถิ่นปีถัดไป (ไม่น้อยกว่าร้อยละ 30)",
            "projects in next year's local plan",
            "๗. มีการนำโครงการ/กิจกรรม จากแผนชุมชนตามข้อ ๖ บรรจุไว้ในแผนพัฒนาท้องถิ่นของปีถัดไป"
            "ไม่น้อยกว่าร้อยละ {threshold}",
            4,
            "แผนพัฒนาท้องถิ่น",
        ),
        _share(
            8,
            7,
            "บรรจุโครงการ/กิจกรรมในร่างข้อบัญญัติงบประมาณ พ.ศ. 2556 (ไม่น้อยกว่าร้อยละ 20)",
            "projects in the draft 2556 budget",
            "๘. มีการนำโครงการ/กิจกรรมจากแผนชุมชน ในแผนพัฒนาท้องถิ่นตามข้อ ๗ บรรจุไว้ในร่าง"
            "ข้อบัญญัติงบประมาณ พ.ศ. {budget_year} ในปีถัดไปของเทศบาล หรือ อบต. "
            "ไม่น้อยกว่าร้อยละ {threshold}",
            5,
            "ร่างข้อบัญญัติงบประมาณ",
        ),
    ),
    reporter=(
        Field(
            "reporter.name",
            "text",
            "ชื่อผู้รายงาน",
            "reporter's name",
            "ลงชื่อ.....ผู้รายงาน",
            required=True,
            max_length=_TEXT,
            description="ชื่อ-นามสกุลผู้รายงาน เช่น นางสาวสมใจ ใจดี",
        ),
        Field(
            "reporter.position",
            "text",
            "ตำแหน่งผู้รายงาน",
            "reporter's position",
            "ตำแหน่ง.....",
            required=True,
            max_length=_TEXT,
            description="ตำแหน่ง เช่น นักพัฒนาชุมชน",
        ),
    ),
    note=Field(
        "note",
        "text",
        "หมายเหตุ",
        "note",
        max_length=1000,
        description="ปัญหา อุปสรรค หรือข้อสังเกตเพิ่มเติม (ไม่บังคับ) ไม่เกิน 1000 ตัวอักษร",
    ),
)

# Items answered with a progress status (2-8; item 1 asks a unit and a count): the
# answers the criteria read.
STATUS_ITEMS = tuple(
    i.number for i in FORM.items if i.status is not None and i.status.path.endswith(".status")
)
# Items answered "done" / "not yet" (item 6 is "covered" / "not covered").
STEP_ITEMS = tuple(
    i.number for i in FORM.items if i.status is not None and i.status.choice("not_yet")
)


def _answer_tables() -> dict[str, dict[str, str]]:
    tables: dict[str, dict[str, str]] = {}
    for f in FORM.fields():
        if not f.choices:
            continue
        table: dict[str, str] = {}
        for c in f.choices:
            for wording in c.accepted:
                key = answer_key(wording)
                if table.get(key, c.code) != c.code:
                    raise ValueError(f"{f.path}: '{wording}' is ambiguous")
                table[key] = c.code
        tables[f.path] = table
    return tables


_ANSWERS = _answer_tables()


def label(path: str, code: str) -> str:
    """The paper's wording of a canonical code ("item1.unit", "village" -> "หมู่บ้าน")."""
    return FORM.field(path).label_of(code)


LAO_TYPE_TH = {c.code: c.label for c in LAO_TYPE.choices}
UNIT_TH = {c.code: c.label for c in FORM.field("item1.unit").choices}
DIMENSION_TH = {c.code: c.label for c in DIMENSION_CHOICES}


def as_json() -> str:
    """The form as JSON, for pages that need it in the browser (the web form)."""

    def field_dict(f: Field) -> dict[str, object]:
        return {
            "path": f.path,
            "kind": f.kind,
            "label": f.label,
            "paper": f.paper,
            "required": f.required,
            "minimum": f.minimum,
            "maximum": f.maximum,
            "max_length": f.max_length,
            "computed_from": list(f.computed_from) if f.computed_from else None,
            "description": f.description,
            "choices": [
                {
                    "code": c.code,
                    "label": c.label,
                    "accepted": [answer_key(w) for w in c.accepted],
                    "follow_up": list(c.follow_up),
                }
                for c in f.choices
            ],
        }

    return json.dumps(
        {
            "title": FORM.title,
            "header": [field_dict(f) for f in FORM.header],
            "items": [
                {
                    "number": i.number,
                    "key": i.key,
                    "title": i.title,
                    "question": i.question,
                    "criterion": i.criterion,
                    "fields": [field_dict(f) for f in i.fields],
                }
                for i in FORM.items
            ],
            "reporter": [field_dict(f) for f in FORM.reporter],
            "note": field_dict(FORM.note),
        },
        ensure_ascii=False,
    )
