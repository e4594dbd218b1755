"""Hardened YAML loading with positions.

PyYAML's own loaders silently keep the last of two duplicate keys, turn ``no``
into ``False``, read ``012`` as octal and expand alias bombs. Officers' files are
untrusted, so we build the tree ourselves from the C parser's event stream and
refuse every construct a report never needs. Scalars are typed by a small YAML
1.2-like rule set that also understands Thai digits.
"""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Iterator
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from ..thai import THAI_DIGITS, arabic_digits
from . import finding_codes as codes
from .findings import Finding

try:  # the C parser is ~10x faster; fall back quietly where libyaml is absent
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

MAX_BYTES = 64 * 1024
MAX_DEPTH = 12
MAX_NODES = 5000

JsonPath = tuple[str | int, ...]

CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ufeff]")
_TAB_INDENT = re.compile(r"^[ ]*\t", re.MULTILINE)
_INT = re.compile(r"^[-+]?\d+$")
_DECIMAL = re.compile(r"^[-+]?(?:\d+\.\d*|\.\d+)$")
_NULLS = {"", "~", "null", "Null", "NULL"}
_BOOLS = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_YAML11_BOOLS = {
    w
    for base in ("yes", "no", "on", "off", "y", "n")
    for w in (base, base.capitalize(), base.upper())
}


class SourceFile(str):
    """The path of the file a document was loaded from, to read again for positions.
    A plain string, not a Path: a loaded tree keeps one per file, and a Path with its
    parts costs about ten times the memory."""

    __slots__ = ()


class Document:
    """A loaded YAML file: plain Python data plus where each piece was written.

    The line/column tables cost more memory than the data (about 170 small objects
    a report) and are needed only for files with a finding, so a document loaded
    from text builds them on first use by parsing its text again.
    """

    __slots__ = ("_key_pos", "_source", "_value_pos", "data", "path")

    def __init__(
        self,
        path: str,
        data: object,
        key_pos: dict[JsonPath, tuple[int, int]] | None = None,
        value_pos: dict[JsonPath, tuple[int, int]] | None = None,
        *,
        text: str | Path | SourceFile | None = None,
    ) -> None:
        # The text, or the file to read it again from (a loaded file keeps no copy).
        self.path, self.data, self._source = path, data, text
        if text is None:
            key_pos, value_pos = key_pos or {}, value_pos or {}
        self._key_pos, self._value_pos = key_pos, value_pos

    def with_data(self, data: object) -> Document:
        """The same file with other data (a corrected or partial stand-in): its
        positions are the file's, still built only if asked for."""
        return Document(self.path, data, self._key_pos, self._value_pos, text=self._source)

    def __repr__(self) -> str:
        return f"Document(path={self.path!r}, data={self.data!r})"

    def _positions(self) -> None:
        if self._key_pos is None or self._value_pos is None:
            source, self._key_pos, self._value_pos = self._source, {}, {}
            self._source = None
            try:  # a file changed since it was loaded: positions fall back to (1, 1)
                if isinstance(source, Path | SourceFile):
                    with open(source, "rb") as fh:
                        source = decode(fh.read(MAX_BYTES + 1))
                full = parse_text(source or "", self.path, positions=True)
            except (OSError, LoadError):
                return
            self._key_pos, self._value_pos = full._key_pos, full._value_pos

    @property
    def key_pos(self) -> dict[JsonPath, tuple[int, int]]:
        self._positions()
        assert self._key_pos is not None
        return self._key_pos

    @property
    def value_pos(self) -> dict[JsonPath, tuple[int, int]]:
        self._positions()
        assert self._value_pos is not None
        return self._value_pos

    def where(self, loc: JsonPath, *, key: bool = False) -> tuple[int, int]:
        """Line and column (1-based) of a value, or of its key, or of its nearest parent."""
        loc = tuple(loc)
        key_pos, value_pos = self.key_pos, self.value_pos
        while True:
            table = (key_pos, value_pos) if key else (value_pos, key_pos)
            for t in table:
                if loc in t:
                    return t[loc]
            if not loc:
                return (1, 1)
            loc = loc[:-1]


class LoadError(Exception):
    """Internal signal carrying one finding; never escapes ``load_yaml``."""

    def __init__(self, code: codes.Code, message: str, line: int = 1, col: int = 1) -> None:
        super().__init__(message)
        self.code, self.message, self.line, self.col = code, message, line, col


def _line_col(text: str, index: int) -> tuple[int, int]:
    line = text.count("\n", 0, index) + 1
    col = index - (text.rfind("\n", 0, index) + 1) + 1
    return line, col


def decode(raw: bytes) -> str:
    """UTF-8 with an optional BOM; anything else is a clear error, not mojibake."""
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        col = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        raise LoadError(
            codes.L_ENCODING,
            "ไฟล์ไม่ได้บันทึกเป็น UTF-8 (อาจเป็น TIS-620/ANSI) "
            "ให้เปิดไฟล์ในโปรแกรมแก้ไขข้อความแล้วบันทึกใหม่โดยเลือกการเข้ารหัส UTF-8",
            line,
            col,
        ) from None


_NUMERIC_START = frozenset("0123456789+-." + THAI_DIGITS)


class HugeNumber(int):
    """A whole number written with more digits than any report needs (a 5,000-digit
    count). Python refuses to turn such text into an int, so it stands in as a value
    beyond every range in the schema, and says how many digits were written; it can
    only ever end as a range finding at its own line."""

    DIGITS = 30
    digits: int

    def __new__(cls, digits: int, negative: bool = False) -> HugeNumber:
        self = super().__new__(cls, -(10**cls.DIGITS) if negative else 10**cls.DIGITS)
        self.digits = digits
        return self

    def __repr__(self) -> str:
        sign = "ติดลบ " if self < 0 else ""
        return f"ตัวเลข{sign}ยาว {self.digits:,} หลัก"

    __str__ = __repr__


def _scalar(value: str, plain: bool, line: int, col: int) -> object:
    if not plain:
        if CONTROL.search(value):  # escapes such as "\x1b" in quotes bypass the text check
            raise LoadError(
                codes.L_CONTROL_CHAR,
                "ข้อความในเครื่องหมายคำพูดมีรหัสอักขระควบคุม (เช่น \\x1b หรือ \\u0007) "
                "ให้ลบรหัสนั้นออกแล้วพิมพ์เป็นข้อความธรรมดา",
                line,
                col,
            )
        return value
    if value and value[0] not in _NUMERIC_START and len(value) > 5:
        return value  # the common case, Thai text: no keyword or number is this shape
    if value in _NULLS:
        return None
    if value in _BOOLS:
        return _BOOLS[value]
    if value in _YAML11_BOOLS:
        raise LoadError(codes.L_YAML11_BOOL, value, line, col)  # worded in parse_text
    digits = arabic_digits(value)
    if _INT.match(digits):
        if len(digits) > HugeNumber.DIGITS:
            return HugeNumber(len(digits.lstrip("+-")), digits.startswith("-"))
        return int(digits)
    if _DECIMAL.match(digits):
        return Decimal(digits)
    return value


def _refuse_text(text: str) -> None:
    """Characters refused before YAML parsing: invisible controls and Tab indents."""
    if m := CONTROL.search(text):
        line, col = _line_col(text, m.start())
        raise LoadError(
            codes.L_CONTROL_CHAR,
            f"พบอักขระควบคุมที่มองไม่เห็น (U+{ord(m.group()):04X}) "
            "ซึ่งมักติดมาจากการคัดลอกข้อความ ให้ลบอักขระนั้นหรือพิมพ์ข้อความบรรทัดนี้ใหม่",
            line,
            col,
        )
    if m := _TAB_INDENT.search(text):
        line, col = _line_col(text, m.end() - 1)
        raise LoadError(
            codes.L_TAB_INDENT,
            "ใช้ปุ่ม Tab ในการย่อหน้า ซึ่ง YAML ไม่อนุญาต ให้ลบ Tab แล้วใช้เว้นวรรค (Space) 2 ช่องแทน",
            line,
            col,
        )


class _Tree:
    """Plain values built from YAML events, with where each key and value was.

    Each stack frame: [container, json_path, pending_key, seen_keys, (line, col)];
    json_path is only tracked when positions are recorded.
    """

    def __init__(self, positions: bool) -> None:
        self.positions = positions
        self.key_pos: dict[JsonPath, tuple[int, int]] = {}
        self.value_pos: dict[JsonPath, tuple[int, int]] = {}
        self.stack: list[list[Any]] = []
        self.root: list[Any] = []

    def attach(self, value: object, line: int, col: int) -> None:
        stack = self.stack
        if not stack:
            self.root.append(value)
            if self.positions:
                self.value_pos[()] = (line, col)
            return
        frame = stack[-1]
        container = frame[0]
        if container.__class__ is list:
            if self.positions:
                self.value_pos[(*frame[1], len(container))] = (line, col)
            container.append(value)
            return
        key = frame[2]
        if key is _NO_KEY:
            self._key(frame, value, line, col)
            return
        container[key] = value
        if self.positions:
            self.value_pos[(*frame[1], key)] = (line, col)
        frame[2] = _NO_KEY

    def _key(self, frame: list[Any], value: object, line: int, col: int) -> None:
        if value.__class__ is not str and (value.__class__ is not int):
            raise LoadError(
                codes.L_KEY_TYPE,
                "ชื่อหัวข้อ (key) ต้องเป็นข้อความ เช่น report_date: ให้แก้บรรทัดนี้",
                line,
                col,
            )
        key = str(value)
        if key == "<<":
            raise LoadError(
                codes.L_MERGE_KEY,
                "ไม่อนุญาตให้ใช้ '<<' (merge key) ให้เขียนค่าแต่ละหัวข้อลงไปตรง ๆ",
                line,
                col,
            )
        seen = frame[3]
        if key in seen:
            raise LoadError(
                codes.L_DUPLICATE_KEY,
                f"หัวข้อ '{key}' ซ้ำกับที่เขียนไว้แล้วในบรรทัด {seen[key]} "
                "ให้ลบบรรทัดใดบรรทัดหนึ่งออก ให้เหลือเพียงค่าที่ถูกต้อง",
                line,
                col,
            )
        seen[key] = line
        frame[2] = key
        if self.positions:
            self.key_pos[(*frame[1], key)] = (line, col)

    def open(self, mapping: bool, line: int, col: int) -> None:
        stack = self.stack
        if len(stack) >= MAX_DEPTH:
            raise LoadError(
                codes.L_TOO_DEEP,
                "ข้อมูลซ้อนกันลึกเกินไป แบบรายงานซ้อนกันไม่เกิน 3 ชั้น ให้ตรวจการย่อหน้า",
                line,
                col,
            )
        parent_loc: JsonPath = ()
        if stack:
            parent = stack[-1]
            if parent[0].__class__ is dict:
                if parent[2] is _NO_KEY:
                    raise LoadError(
                        codes.L_KEY_TYPE,
                        "ชื่อหัวข้อ (key) ต้องเป็นข้อความ ไม่ใช่รายการหรือกลุ่มข้อมูล",
                        line,
                        col,
                    )
                if self.positions:
                    parent_loc = (*parent[1], parent[2])
            elif self.positions:
                parent_loc = (*parent[1], len(parent[0]))
        container: dict[Any, Any] | list[Any] = {} if mapping else []
        stack.append([container, parent_loc, _NO_KEY, {}, (line, col)])

    def close(self) -> None:
        frame = self.stack.pop()
        self.attach(frame[0], *frame[4])


def _refuse_event(event: Any, cls: type, line: int, col: int) -> None:
    """Anchors, aliases and tags: YAML features a report form never needs."""
    if cls is _ALIAS or event.anchor is not None:
        raise LoadError(
            codes.L_ANCHOR,
            "ไม่อนุญาตให้ใช้ & (anchor) หรือ * (alias) ในแบบรายงาน ให้เขียนค่าซ้ำลงไปตรง ๆ ในแต่ละที่",
            line,
            col,
        )
    tag = event.tag
    if tag is not None and tag != "!" and (cls is not _SCALAR or not any(event.implicit)):
        raise LoadError(
            codes.L_TAG,
            f"ไม่อนุญาตให้ใช้แท็ก YAML ({tag}) ให้ลบส่วนที่ขึ้นต้นด้วย ! ออก",
            line,
            col,
        )


def _syntax_error(exc: yaml.MarkedYAMLError, text: str) -> LoadError:
    mark = exc.context_mark or exc.problem_mark  # where the broken entry starts
    line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    if "nesting depth" in str(exc.problem):  # libyaml's own limit, far above ours
        return LoadError(
            codes.L_TOO_DEEP,
            "ข้อมูลซ้อนกันลึกเกินไป แบบรายงานซ้อนกันไม่เกิน 3 ชั้น ให้ตรวจวงเล็บ [ ] และ { }",
            line,
            col,
        )
    return LoadError(codes.L_SYNTAX, *_syntax_advice(text, line, col, exc))


def parse_text(text: str, path: str = "<string>", *, positions: bool = False) -> Document:
    """Build a Document from YAML text, raising LoadError on the first refused construct.

    Without ``positions`` the line/column tables are left to be built on first use.
    """
    _refuse_text(text)
    tree = _Tree(positions)
    nodes = 0
    documents = 0
    last = _last_line(text)
    try:
        events: Iterator[Any] = yaml.parse(text, Loader=_Loader)  # untyped in the stubs
        for event in events:
            cls = event.__class__
            if cls is _MAP_END or cls is _SEQ_END:
                tree.close()
                continue
            if cls in _NOTHING:
                continue  # stream and document ends carry nothing
            mark = event.start_mark
            line, col = mark.line + 1, mark.column + 1
            if line > last:  # the parser points past the end (an empty value at EOF)
                line, col = _clamp(text, line, col)
            if cls is _DOC_START:
                documents += 1
                if documents > 1:
                    raise LoadError(
                        codes.L_MULTI_DOC,
                        "ไฟล์หนึ่งต้องมีรายงานเพียงฉบับเดียว ให้ลบบรรทัด '---' และส่วนที่ตามมาออก",
                        line,
                        col,
                    )
                continue
            _refuse_event(event, cls, line, col)
            nodes += 1
            if nodes > MAX_NODES:
                raise LoadError(
                    codes.L_TOO_MANY_NODES,
                    "ไฟล์มีข้อมูลมากผิดปกติสำหรับแบบรายงานหนึ่งฉบับ ให้ตรวจว่าไม่ได้วางข้อมูลอื่นปนเข้ามา",
                    line,
                    col,
                )
            if cls is _SCALAR:
                tree.attach(_scalar(event.value, event.style in _PLAIN, line, col), line, col)
            else:
                tree.open(cls is _MAP_START, line, col)
    except LoadError as exc:
        if exc.code == codes.L_YAML11_BOOL:
            exc.message = _yaml11_message(_path_at(text, exc.line), exc.message)
        exc.line, exc.col = _clamp(text, exc.line, exc.col)
        raise
    except yaml.MarkedYAMLError as exc:
        error = _syntax_error(exc, text)
        error.line, error.col = _clamp(text, error.line, error.col)
        raise error from None
    except (yaml.YAMLError, RecursionError, MemoryError, ValueError):
        raise LoadError(
            codes.L_SYNTAX,
            "อ่านไฟล์นี้เป็น YAML ไม่ได้ ให้เริ่มจากแบบรายงานในวิธีส่งรายงานแล้วกรอกใหม่",
        ) from None
    if not tree.root:
        raise LoadError(codes.L_EMPTY, "ไฟล์ว่าง ให้คัดลอกแบบฟอร์มจากวิธีส่งรายงานแล้วกรอกข้อมูล")
    if positions:
        return Document(path, tree.root[0], tree.key_pos, tree.value_pos)
    return Document(path, tree.root[0], text=text)


def _last_line(text: str) -> int:
    """The number of the file's last line as an editor shows it (at least 1)."""
    return max(1, text.count("\n") + (0 if text.endswith("\n") else 1))


def _clamp(text: str, line: int, col: int) -> tuple[int, int]:
    """A position that exists: where the parser points past the end of the file
    ("{" alone, "---" and a newline), the end of the last line instead."""
    last = _last_line(text)
    if line <= last:
        return line, col
    lines = text.split("\n")
    return last, len(lines[last - 1]) + 1 if last - 1 < len(lines) else 1


_KEY_LINE = re.compile(r"^( *)(?:- )?([A-Za-z_][A-Za-z0-9_]*|\"[^\"]*\"):(?:[ ]|$)")
_NO_SPACE = re.compile(r"^( *)([A-Za-z_][A-Za-z0-9_]*):([^\s/].*)$")
_QUOTED_START = re.compile(r"^( *[A-Za-z_][A-Za-z0-9_]*: *)([\"'])")
_COLON_IN_TEXT = re.compile(r"^( *[A-Za-z_][A-Za-z0-9_]*: +)([^\s\"'\[{#][^#]*?: .*)$")


def _path_at(text: str, line: int) -> str:
    """The dotted key of a line, from the keys above it by indentation ("item1.total")."""
    lines = text.splitlines()
    parts: list[str] = []
    indent: int | None = None
    for i in range(min(line, len(lines)) - 1, -1, -1):
        m = _KEY_LINE.match(lines[i])
        if m and (indent is None or len(m[1]) < indent):
            parts.insert(0, m[2].strip('"'))
            indent = len(m[1])
            if indent == 0:
                break
    return ".".join(parts)


def _yaml11_message(path: str, value: str) -> str:
    from .form_spec import FORM

    field = FORM.get(path)
    if field is None:
        fix = "ให้เขียนค่าตามแบบรายงาน"
    elif field.choices:
        fix = f"ให้ตอบ {field.answers_th}"
    elif field.kind in ("count", "percent", "code"):
        fix = "ให้เขียนเป็นตัวเลข เช่น 12"
    elif field.kind == "date":
        fix = "ให้เขียนวันที่ พ.ศ. แบบ ปปปป-ดด-วว เช่น 2555-05-25"
    else:
        fix = "ให้เขียนข้อความตามจริง"
    named = f"'{path}' ({field.label})" if field else f"'{path or value}'"
    quote = field is None or field.kind == "text"
    return f"{named} เขียนว่า {value} ซึ่ง YAML บางรุ่นอ่านเป็นจริง/เท็จ จึงกำกวม {fix}" + (
        f' หรือถ้าตั้งใจให้เป็นข้อความ ให้ใส่เครื่องหมายคำพูด "{value}"' if quote else ""
    )


def _syntax_advice(
    text: str, line: int, col: int, exc: yaml.MarkedYAMLError
) -> tuple[str, int, int]:
    """(Thai message, line, col) for a parser error: the entry where it starts and the fix,
    instead of the parser's English a line or two later."""
    lines = text.splitlines()
    if "quoted scalar" in str(exc.context) and 0 < line <= len(lines):
        m = _QUOTED_START.match(lines[line - 1])
        quote = m[2] if m else '"'
        return (
            f"เปิดเครื่องหมายคำพูด {quote} ไว้แต่ไม่ได้ปิด ให้ปิดท้ายข้อความด้วย {quote} ในบรรทัดเดียวกัน",
            line,
            len(m[1]) + 1 if m else col,
        )
    problem_line = exc.problem_mark.line + 1 if exc.problem_mark else line
    for i in range(min(problem_line, len(lines)), max(line - 1, 0), -1):
        m = _NO_SPACE.match(lines[i - 1])
        if m:
            return (
                f"หลังเครื่องหมาย : ของหัวข้อ '{m[2]}' ต้องเว้นวรรค 1 ช่อง ให้แก้เป็น {m[2]}: {m[3][:40]}",
                i,
                len(m[1]) + len(m[2]) + 2,
            )
    for i in range(min(problem_line, len(lines)), max(line - 1, 0), -1):
        m = _COLON_IN_TEXT.match(lines[i - 1])
        if m:
            key = m[1].strip().rstrip(":")
            return (
                f"ข้อความของ '{key}' มีเครื่องหมาย : ตามด้วยเว้นวรรค ซึ่ง YAML อ่านเป็นหัวข้อใหม่ "
                f'ให้ใส่ข้อความไว้ในเครื่องหมายคำพูด เช่น {key}: "{m[2][:40]}"',
                i,
                len(m[1]) + 1,
            )
    if "mapping values" in str(exc.problem) and 0 < problem_line <= len(lines):
        here = lines[problem_line - 1]
        indent = len(here) - len(here.lstrip(" "))
        return (
            f"การย่อหน้าของบรรทัดนี้ ({indent} ช่อง) ไม่ตรงกับหัวข้ออื่นในกลุ่มเดียวกัน "
            "ให้ย่อหน้าด้วยเว้นวรรคเท่ากับบรรทัดข้างเคียง (หัวข้อย่อยย่อหน้า 2 ช่อง)",
            problem_line,
            indent + 1,
        )
    return (
        "รูปแบบ YAML ไม่ถูกต้องที่บรรทัดนี้ ให้ตรวจว่าหลังเครื่องหมาย : มีเว้นวรรค "
        "การย่อหน้าเท่ากับบรรทัดข้างเคียง และเครื่องหมายคำพูดที่เปิดไว้ปิดครบ",
        line,
        col,
    )


_SCALAR = yaml.ScalarEvent
_MAP_END = yaml.MappingEndEvent
_SEQ_END = yaml.SequenceEndEvent
_DOC_START = yaml.DocumentStartEvent
_ALIAS = yaml.AliasEvent
_MAP_START = yaml.MappingStartEvent
_NOTHING = frozenset({yaml.StreamStartEvent, yaml.StreamEndEvent, yaml.DocumentEndEvent})
_PLAIN = (None, "")


class _NoKey:
    __slots__ = ()


_NO_KEY = _NoKey()


@lru_cache(maxsize=64)
def _resolved_root(root: Path) -> str:
    """Resolving the root once per run, not once per file, saves ~7% of a full validation."""
    return os.path.realpath(root)


@lru_cache(maxsize=4096)
def _real_dir(folder: str) -> str:
    """A folder's real path, once per folder rather than once per file: ``realpath``
    checks every component of the path with a system call."""
    return os.path.realpath(folder)


def _real_file(path: Path, st: os.stat_result | None) -> str:
    """``path.resolve()`` for a path whose last part is not a symbolic link."""
    if st is None or path.name in ("", ".", ".."):
        return os.path.realpath(path)
    return os.path.join(_real_dir(os.fspath(path.parent)), path.name)


def load_yaml(path: Path, root: Path, display: str | None = None) -> Document | Finding:
    """Load one file under ``root`` safely; return a Document or the single blocking Finding."""
    shown = display or _display(path, root)
    try:
        try:
            st: os.stat_result | None = os.lstat(path)
        except (FileNotFoundError, NotADirectoryError):
            st = None
        if st is not None and stat.S_ISLNK(st.st_mode):
            raise LoadError(
                codes.L_SYMLINK,
                "ไฟล์นี้เป็นลิงก์สัญลักษณ์ (symlink) ระบบรับเฉพาะไฟล์จริง ให้คัดลอกเนื้อหามาเป็นไฟล์ปกติ",
            )
        resolved = _real_file(path, st)
        base = _resolved_root(root)
        if not (resolved == base or resolved.startswith(base.rstrip("/") + "/")):
            raise LoadError(
                codes.L_OUTSIDE,
                f"ไฟล์อยู่นอกโฟลเดอร์ {root.name}/ ระบบตรวจเฉพาะรายงานที่อยู่ในโฟลเดอร์นั้น",
            )
        if st is not None and stat.S_ISDIR(st.st_mode):
            raise LoadError(
                codes.L_NOT_FILE,
                "ชื่อนี้เป็นโฟลเดอร์ (หรือ submodule ที่ชี้ไปยังคลังอื่น) ไม่ใช่ไฟล์รายงาน "
                "ให้ลบออก แล้วส่งรายงานเป็นไฟล์ .yaml ปกติ",
            )
        if st is None or not stat.S_ISREG(st.st_mode):
            raise LoadError(codes.L_NOT_FILE, "ไม่พบไฟล์นี้ หรือไม่ใช่ไฟล์ปกติ ให้ตรวจชื่อและที่อยู่ของไฟล์")
        with open(resolved, "rb") as fh:
            raw = fh.read(MAX_BYTES + 1)
        _check_size(len(raw))
        doc = parse_text(decode(raw), shown)
        doc._source = SourceFile(resolved)  # positions, if a finding needs them, read it again
        return doc
    except LoadError as exc:
        return Finding(shown, exc.line, exc.col, exc.code, exc.message)
    except OSError as exc:
        return Finding(shown, 1, 1, codes.L_READ, f"เปิดไฟล์ไม่ได้ ({exc.strerror or exc})")


def load_text(text: str, shown: str) -> Document | Finding:
    """The same loader for a text already in memory (an old version read from git):
    the same size limit and parser as a file, the same single blocking Finding."""
    try:
        _check_size(len(text.encode("utf-8", "surrogatepass")))
        return parse_text(text, shown)
    except LoadError as exc:
        return Finding(shown, exc.line, exc.col, exc.code, exc.message)


def _check_size(size: int) -> None:
    if size > MAX_BYTES:
        raise LoadError(
            codes.L_TOO_LARGE,
            f"ไฟล์ใหญ่เกิน {MAX_BYTES // 1024} KB ซึ่งมากเกินกว่าแบบรายงานหนึ่งฉบับ "
            "ให้ตรวจว่าไม่ได้วางข้อมูลอื่นปนเข้ามา",
        )


def _display(path: Path, root: Path) -> str:
    base = root.resolve().parent
    try:
        return path.absolute().relative_to(base).as_posix()
    except ValueError:
        return path.as_posix()
