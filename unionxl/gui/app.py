"""The unionxl window (tkinter). A thin edge: logic lives in state.py and work.py.

The work runs on a worker thread; its progress and result come back through a queue
that the Tk thread polls with `after`, so the window never freezes and Tk is only ever
touched from its own thread.
"""

from __future__ import annotations

import functools
import queue
import sys
import threading
import tkinter as tk
import traceback
from collections.abc import Callable
from pathlib import Path
from tkinter import filedialog, font, messagebox, ttk

from . import state
from .work import ACTIONS, RunResult, perform

TITLE = "unionxl 工会台账"
POLL_MS = 50
COLUMNS = (
    ("级别", 50),
    ("文件", 120),
    ("工作表", 90),
    ("单元格", 60),
    ("问题说明", 460),
    ("值", 150),
)
ERROR_COLOUR, WARNING_COLOUR = "#C00000", "#9C5700"


class App:
    """The window. Tests drive it through these methods (run_action, set_filter, …)."""

    def __init__(
        self,
        root: tk.Tk,
        folder: Path | None = None,
        *,
        config: Path | None = None,
        opener: Callable[[Path], str | None] = state.open_path,
    ):
        self.root = root
        self.config = config or state.config_file()
        self.opener = opener  # the PC's own program for a file (tests watch what is opened)
        self.folder: Path | None = None
        self.result: RunResult | None = None
        self.rows: list[state.FindingRow] = []
        self.busy = False
        self._queue: queue.Queue[tuple[str, object]] = queue.Queue()

        root.title(TITLE)
        root.minsize(760, 420)
        use_cjk_font(root)
        root.report_callback_exception = self._report_bug  # never a silent failure under pythonw
        self.folder_text = tk.StringVar(value="（请先选择台账文件夹）")
        self.status_text = tk.StringVar(
            value="选择台账文件夹，再点“校验”“汇总”“生成报告”或“全部”。"
        )
        self.count_text = tk.StringVar(value="")
        self.notice_text = tk.StringVar(value="")
        self.filter_text = tk.StringVar(value=state.ALL_FILES)
        self._build()
        if folder is not None:
            self.set_folder(folder)

    # --- layout -----------------------------------------------------------------------
    def _build(self) -> None:
        outer = ttk.Frame(self.root, padding=10)
        outer.pack(fill="both", expand=True)

        top = ttk.Frame(outer)
        top.pack(fill="x")
        ttk.Label(top, text="台账文件夹：").pack(side="left")
        ttk.Label(top, textvariable=self.folder_text, relief="sunken", padding=(4, 2)).pack(
            side="left", fill="x", expand=True
        )
        self.choose_button = ttk.Button(top, text="选择文件夹…", command=self.choose_folder)
        self.choose_button.pack(side="left", padx=(6, 0))
        ttk.Button(top, text="打开文件夹", command=lambda: self.open(self.folder)).pack(
            side="left", padx=(6, 0)
        )

        actions = ttk.Frame(outer)
        actions.pack(fill="x", pady=(10, 4))
        self.action_buttons: dict[str, ttk.Button] = {}
        for action in ACTIONS:
            button = ttk.Button(
                actions, text=action, command=functools.partial(self.run_action, action)
            )
            button.pack(side="left", padx=(0, 6))
            self.action_buttons[action] = button
        self.progress = ttk.Progressbar(actions, mode="determinate", length=160)
        self.progress.pack(side="left", padx=(10, 0))
        ttk.Label(outer, textvariable=self.status_text, wraplength=900, justify="left").pack(
            fill="x", pady=(2, 0)
        )
        self.notice_label = ttk.Label(
            outer, textvariable=self.notice_text, wraplength=900, justify="left"
        )
        self.notice_label.pack(fill="x", pady=(0, 6))

        bar = ttk.Frame(outer)
        bar.pack(fill="x")
        ttk.Label(bar, text="只看文件：").pack(side="left")
        self.filter_box = ttk.Combobox(
            bar, textvariable=self.filter_text, values=[state.ALL_FILES], state="readonly", width=18
        )
        self.filter_box.pack(side="left")
        self.filter_box.bind(
            "<<ComboboxSelected>>", lambda _e: self.set_filter(self.filter_text.get())
        )
        ttk.Label(bar, textvariable=self.count_text).pack(side="left", padx=(10, 0))
        ttk.Label(bar, text="双击一行打开该工作簿").pack(side="right")

        bottom = ttk.Frame(outer)
        bottom.pack(side="bottom", fill="x")
        for text, target in (
            ("打开校验结果.xlsx（可点到单元格）", lambda o: o.results),
            ("打开汇总.xlsx", lambda o: o.totals),
            ("打开报告文件夹", lambda o: o.reports),
        ):
            ttk.Button(bottom, text=text, command=functools.partial(self.open_output, target)).pack(
                side="left", padx=(0, 6)
            )

        table = ttk.Frame(outer)
        table.pack(fill="both", expand=True, pady=(4, 6))
        self.tree = ttk.Treeview(table, columns=[c for c, _ in COLUMNS], show="headings", height=14)
        for name, width in COLUMNS:
            self.tree.heading(name, text=name, anchor="w")
            self.tree.column(name, width=width, anchor="w", stretch=name == "问题说明")
        self.tree.tag_configure("error", foreground=ERROR_COLOUR)
        self.tree.tag_configure("warning", foreground=WARNING_COLOUR)
        scroll = ttk.Scrollbar(table, orient="vertical", command=self.tree.yview)
        self.tree.configure(yscrollcommand=scroll.set)
        self.tree.pack(side="left", fill="both", expand=True)
        scroll.pack(side="left", fill="y")
        self.tree.bind("<Double-1>", self._on_double_click)
        self.tree.bind("<Return>", self._on_double_click)

    # --- folder -----------------------------------------------------------------------
    def set_folder(self, folder: Path) -> None:
        self.folder = Path(folder)
        self.folder_text.set(str(self.folder))
        if self.folder.is_dir():
            state.remember_folder(self.config, self.folder)
        else:
            self.status_text.set(f"找不到文件夹：{self.folder}。请点“选择文件夹…”。")

    def choose_folder(self) -> None:
        chosen = filedialog.askdirectory(
            parent=self.root, title="选择存放台账工作簿的文件夹", initialdir=self.folder or None
        )
        if chosen:
            self.set_folder(Path(chosen))

    # --- running ----------------------------------------------------------------------
    def run_action(self, action: str) -> bool:
        """Start `action` on the worker thread; False when busy or no folder is chosen."""
        if self.busy:
            return False
        if self.folder is None:
            self.status_text.set("请先点“选择文件夹…”选择台账文件夹。")
            return False
        self.busy = True
        for button in (*self.action_buttons.values(), self.choose_button):
            button.state(["disabled"])
        self.progress.configure(mode="indeterminate")
        self.progress.start(12)
        self.status_text.set(f"{action}：正在运行…")
        self.notice_text.set("")
        folder = self.folder
        # daemon: closing the window mid-run ends the process (outputs are written atomically)
        threading.Thread(
            target=work, args=(action, folder, self._queue), name="unionxl-gui-worker", daemon=True
        ).start()
        self.root.after(POLL_MS, self._poll)
        return True

    def _poll(self) -> None:
        try:
            while True:
                kind, payload = self._queue.get_nowait()
                if kind == "progress":
                    self.status_text.set(str(payload))
                elif kind == "done":
                    assert isinstance(payload, RunResult)
                    self._finish()
                    self.show(payload)
                    return
                else:
                    self._finish()
                    self.status_text.set("unionxl 出错了（程序问题，请反馈）")
                    messagebox.showerror(
                        TITLE, f"unionxl 出错了，请把以下内容发给维护人员：\n\n{payload}"
                    )
                    return
        except queue.Empty:
            pass
        self.root.after(POLL_MS, self._poll)

    def _finish(self) -> None:
        self.busy = False
        self.progress.stop()
        self.progress.configure(mode="determinate", value=0)  # empty while idle
        for button in (*self.action_buttons.values(), self.choose_button):
            button.state(["!disabled"])

    def show(self, result: RunResult) -> None:
        """Put a run's findings into the list and tell the clerk what happened."""
        self.result = result
        self.filter_box.configure(values=state.file_choices(result.findings))
        self.set_filter(state.ALL_FILES)
        self.status_text.set(result.summary)
        # In the window, not in a modal box: the list stays usable beside the message.
        self.notice_text.set(notice_of(result))
        problem = result.failure or result.notices
        self.notice_label.configure(foreground=ERROR_COLOUR if problem else "")

    def set_filter(self, file: str) -> None:
        self.filter_text.set(file)
        findings = self.result.findings if self.result else []
        self.rows = state.finding_rows(findings, file)
        self.tree.delete(*self.tree.get_children())
        for index, row in enumerate(self.rows):
            self.tree.insert(
                "",
                "end",
                iid=str(index),
                values=row.values,
                tags=("error" if row.is_error else "warning",),
            )
        if self.result and not self.result.failure and not self.result.findings:
            self.tree.insert("", "end", iid="none", values=("", "", "", "", "没有发现问题。", ""))
        self.count_text.set(state.count_text(self.rows))

    def shown(self) -> list[tuple[str, ...]]:
        """The list as the clerk sees it, top to bottom."""
        return [
            tuple(str(v) for v in self.tree.item(i, "values")) for i in self.tree.get_children()
        ]

    # --- opening ----------------------------------------------------------------------
    def _on_double_click(self, _event: object = None) -> None:
        selected = self.tree.focus() or next(iter(self.tree.selection()), "")
        if selected.isdigit() and self.folder is not None:
            self.open(state.workbook_of(self.folder, self.rows[int(selected)]))

    def open_output(self, which: Callable[[state.Outputs], Path]) -> None:
        if self.folder is None:
            self.status_text.set("请先选择台账文件夹。")
            return
        path = which(state.Outputs.of(self.folder))
        if not path.exists():
            self.status_text.set(f"还没有 {path.name}：请先点“全部”等按钮运行一次。")
            return
        self.open(path)

    def open(self, path: Path | None) -> None:
        if path is None:
            return
        problem = self.opener(path)
        if problem:
            self.status_text.set(problem)

    def _report_bug(self, *exc: object) -> None:
        text = "".join(traceback.format_exception(*exc))  # type: ignore[call-overload]
        print(text, file=sys.stderr)
        messagebox.showerror(TITLE, f"unionxl 出错了，请把以下内容发给维护人员：\n\n{text}")


def work(action: str, folder: Path, results: queue.Queue[tuple[str, object]]) -> None:
    """The worker thread. It holds no reference to the window: Tk objects must only ever
    be touched, and freed, on the Tk thread."""
    try:
        result = perform(action, folder, progress=lambda t: results.put(("progress", t)))
    except Exception:  # a bug: show it, so the clerk can copy it into a report
        results.put(("bug", traceback.format_exc()))
    else:
        results.put(("done", result))


def notice_of(result: RunResult) -> str:
    """What the clerk must know after a run, beyond the counts."""
    if result.failure:
        return result.failure
    lines = list(result.notices)
    outputs = state.Outputs.of(result.folder)
    if outputs.results in result.written:
        lines.append(f"校验结果已写入 {outputs.results}（其中每一行都链接到台账中的单元格）")
    if outputs.totals in result.written:
        lines.append(f"汇总已写入 {outputs.totals}（点“打开汇总.xlsx”查看）")
    if result.reports:
        lines += [f"已生成 {len(result.reports)} 份报告，在 {outputs.reports}", *result.remarks]
    return "\n".join(lines)


def use_cjk_font(root: tk.Tk) -> None:
    """Make Tk's named fonts a family that has Chinese, where the default lacks it."""
    family = state.pick_family(font.families(root))
    if family is None:
        return
    for name in ("TkDefaultFont", "TkTextFont", "TkHeadingFont", "TkMenuFont"):
        try:
            font.nametofont(name, root).configure(family=family)
        except tk.TclError:
            pass
    ttk.Style(root).configure(
        "Treeview", rowheight=int(font.nametofont("TkDefaultFont").metrics("linespace") * 1.4)
    )


def high_dpi_aware() -> None:
    """Windows draws a DPI-unaware Tk window blurred on scaled screens."""
    if sys.platform == "win32":
        try:
            import ctypes

            ctypes.windll.shcore.SetProcessDpiAwareness(1)
        except (AttributeError, OSError):
            pass


def run(root: tk.Tk, folder: Path | None = None, config: Path | None = None) -> None:
    """Fill `root` with the window and wait until it is closed."""
    App(root, folder, config=config)
    root.mainloop()
