"""证书模板: the template editor with its live preview, on which fields are dragged into place."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from fest_desktop.certificates.drawing import check_image, prepare_seal
from fest_desktop.certificates.fonts import BUNDLED_FONT_LABEL, font_notes, installed_font_names
from fest_desktop.certificates.jobs import CertificateJob, certificate_jobs, sample_job
from fest_desktop.certificates.kinds import Alignment, DateStyle, DesignKind, FieldKind
from fest_desktop.certificates.placeholders import PLACEHOLDERS
from fest_desktop.certificates.templates import (
    CUSTOM_PAPER,
    PAPERS,
    TITLE_FONT_LABEL,
    TemplateInfo,
    apply_design,
    delete_template,
    get_template,
    list_templates,
    paper_size,
    save_template,
)
from fest_desktop.changes import Changed
from fest_desktop.errors import FestError
from fest_desktop.school.festivals import get_festival
from fest_desktop.storage.database import Database
from ui.awards.design_gallery import DesignGallery
from ui.awards.preview import CertificatePreview
from ui.awards.seal_dialog import SealDialog
from ui.operations import ChangeFollower, Runner
from ui.widgets.file_dialogs import ask_open_path
from ui.widgets.messages import FAILED, confirm, show_error
from ui.widgets.scrolling import ScrollingPanel


class TemplateEditor(QWidget):
    """A template's sheet and fields, every change saved at once and shown on a real certificate."""

    # The templates, and the certificates a real sample is taken from (and the festival's name on them).
    FOLLOWS = Changed.FESTIVAL | Changed.CERTIFICATES | Changed.AWARDS

    def __init__(self, db: Database, runner: Runner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.runner = runner
        self.follower = ChangeFollower(runner, self, self.FOLLOWS, self._changed)
        self.festival_id = 0
        self.info: TemplateInfo | None = None
        self.sample: CertificateJob | None = None
        self._loading = False

        self.template_box = QComboBox()
        self.template_box.currentIndexChanged.connect(self._template_chosen)
        copy_button = QPushButton(self.tr("复制为新模板"))
        copy_button.clicked.connect(self.copy_template)
        delete_button = QPushButton(self.tr("删除模板"))
        delete_button.clicked.connect(self.delete_template)

        self.name = QLineEdit()
        self.paper = QComboBox()
        for paper in PAPERS:
            self.paper.addItem(paper, paper)
        self.paper.addItem(self.tr(CUSTOM_PAPER), CUSTOM_PAPER)
        self.landscape = QCheckBox(self.tr("横向"))
        self.width_mm = self._spin(20, 1000)
        self.height_mm = self._spin(20, 1000)
        self.columns = QSpinBox()
        self.columns.setRange(1, 6)
        self.rows = QSpinBox()
        self.rows.setRange(1, 6)
        self.date_style = QComboBox()
        for style in DateStyle:
            self.date_style.addItem(style.example, style.value)
        self.print_background = QCheckBox(self.tr("打印底图（普通纸）；不勾选为套打"))
        self.offset_x = self._spin(-50, 50)
        self.offset_y = self._spin(-50, 50)
        background_button = QPushButton(self.tr("底图…"))
        background_button.clicked.connect(lambda: self.choose_image("background"))
        seal_button = QPushButton(self.tr("印章图片…"))
        seal_button.clicked.connect(lambda: self.choose_image("seal"))
        clear_button = QPushButton(self.tr("去掉底图和印章"))
        clear_button.clicked.connect(self.clear_images)

        self.fields = QListWidget()
        # Five fields in sight without scrolling the list inside the scrolling panel.
        self.fields.setMinimumHeight(
            5 * (self.fields.fontMetrics().lineSpacing() + 2) + 2 * self.fields.frameWidth()
        )
        self.fields.currentTextChanged.connect(self._field_chosen)
        self.field_text = QLineEdit()
        self.field_text.setToolTip("\n".join(f"{{{p.name}}}　{p.description}" for p in PLACEHOLDERS))
        self.field_x = self._spin(-1, 1000)
        self.field_y = self._spin(-1, 1000)
        self.field_width = self._spin(1, 1000)
        self.field_font = QComboBox()
        self.field_font.setEditable(True)
        self.field_font.addItem(BUNDLED_FONT_LABEL)
        self.field_font.addItem(TITLE_FONT_LABEL)
        self.field_font.addItems(installed_font_names() or ["楷体", "宋体"])
        self.field_size = self._spin(4, 200)
        self.field_align = QComboBox()
        for alignment in Alignment:
            self.field_align.addItem(self.tr(alignment.label), alignment.value)
        self.field_wrap = QCheckBox(self.tr("自动换行"))
        self.field_visible = QCheckBox(self.tr("打印这一项"))
        self.field_preprinted = QCheckBox(self.tr("纸上已印（套打时不打印）"))
        self.field_preprinted.setToolTip(
            self.tr("买来的证书纸上已经印好的内容，如标题、“特发此证”等固定文字")
        )
        self.field_emphasis = QCheckBox(self.tr("突出姓名"))
        self.field_emphasis.setToolTip(self.tr("{姓名} 用粗体标题字、放大一些打印"))
        self.seal_dialog: SealDialog | None = None
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #b71c1c;")
        self.preview = CertificatePreview()
        self.gallery = DesignGallery()
        self.gallery.design_chosen.connect(self.choose_design)
        self.preview.field_moved.connect(self._field_dragged)
        self.preview.field_clicked.connect(self._select_field)

        for widget in (self.name, self.field_text):
            widget.editingFinished.connect(self.save)
        for box in (self.paper, self.date_style, self.field_align):
            box.currentIndexChanged.connect(self.save)
        self.field_font.currentTextChanged.connect(lambda _text: self.save())
        for check in (
            self.landscape,
            self.print_background,
            self.field_wrap,
            self.field_visible,
            self.field_preprinted,
            self.field_emphasis,
        ):
            check.toggled.connect(self.save)
        for spin in (
            self.width_mm,
            self.height_mm,
            self.columns,
            self.rows,
            self.offset_x,
            self.offset_y,
            self.field_x,
            self.field_y,
            self.field_width,
            self.field_size,
        ):
            spin.valueChanged.connect(self.save)

        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("模板")))
        top.addWidget(self.template_box, 1)
        top.addWidget(copy_button)
        top.addWidget(delete_button)
        sheet = QFormLayout()
        sheet.addRow(self.tr("名称"), self.name)
        paper_row = QHBoxLayout()
        paper_row.addWidget(self.paper)
        paper_row.addWidget(self.landscape)
        sheet.addRow(self.tr("纸张"), paper_row)
        size_row = QHBoxLayout()
        size_row.addWidget(self.width_mm)
        size_row.addWidget(QLabel("×"))
        size_row.addWidget(self.height_mm)
        sheet.addRow(self.tr("宽×高（毫米）"), size_row)
        slots_row = QHBoxLayout()
        slots_row.addWidget(self.columns)
        slots_row.addWidget(QLabel("×"))
        slots_row.addWidget(self.rows)
        sheet.addRow(self.tr("每张纸（列×行）"), slots_row)
        sheet.addRow(self.tr("日期写法"), self.date_style)
        sheet.addRow(self.print_background)
        offset_row = QHBoxLayout()
        offset_row.addWidget(self.offset_x)
        offset_row.addWidget(self.offset_y)
        sheet.addRow(self.tr("打印偏移 X / Y（毫米）"), offset_row)
        images = QHBoxLayout()
        for button in (background_button, seal_button, clear_button):
            images.addWidget(button)
        sheet.addRow(images)
        field_form = QFormLayout()
        field_form.addRow(self.tr("内容"), self.field_text)
        position = QHBoxLayout()
        for spin in (self.field_x, self.field_y, self.field_width):
            position.addWidget(spin)
        field_form.addRow(self.tr("X / Y / 宽（毫米）"), position)
        field_form.addRow(self.tr("字体"), self.field_font)
        field_form.addRow(self.tr("字号（磅）"), self.field_size)
        field_form.addRow(self.tr("对齐"), self.field_align)
        checks = QHBoxLayout()
        checks.addWidget(self.field_wrap)
        checks.addWidget(self.field_visible)
        field_form.addRow(checks)
        more_checks = QHBoxLayout()
        more_checks.addWidget(self.field_preprinted)
        more_checks.addWidget(self.field_emphasis)
        field_form.addRow(more_checks)
        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.addLayout(sheet)
        side_layout.addWidget(QLabel(self.tr("字段（可在右边的预览上拖动位置）")))
        side_layout.addWidget(self.fields, 1)
        side_layout.addLayout(field_form)
        side_layout.addWidget(self.note)
        scroll = ScrollingPanel(side)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(QLabel(self.tr("样式（点一下即可换用；套打请选“白纸”）")))
        right_layout.addWidget(self.gallery)
        right_layout.addWidget(self.preview, 1)
        splitter = QSplitter()
        splitter.addWidget(scroll)
        splitter.addWidget(right)
        splitter.setSizes([440, 740])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)

    @staticmethod
    def _spin(low: float, high: float) -> QDoubleSpinBox:
        spin = QDoubleSpinBox()
        spin.setRange(low, high)
        spin.setDecimals(1)
        spin.setKeyboardTracking(False)
        return spin

    def show_festival(self, festival_id: int) -> None:
        self.festival_id = festival_id
        self.follower.take(self.FOLLOWS)

    def _changed(self, _changes: Changed, origin: QObject | None) -> None:
        # A template this editor just saved is shown already; the one being edited is kept.
        if origin is not self and self.festival_id:
            self._load_festival()

    def _load_festival(self) -> None:
        festival = get_festival(self.db, self.festival_id)
        self.festival_name, self.school, self.day = festival.name, festival.school_name, festival.end_date
        self._fill_templates(self.info.id if self.info else None)

    def _fill_templates(self, chosen: int | None) -> None:
        templates = list_templates(self.db, self.festival_id)
        self.template_box.blockSignals(True)
        self.template_box.clear()
        for template in templates:
            self.template_box.addItem(template.name, template.id)
        self.template_box.setCurrentIndex(max(self.template_box.findData(chosen), 0))
        self.template_box.blockSignals(False)
        self._template_chosen()

    def _template_chosen(self) -> None:
        template_id = self.template_box.currentData()
        if template_id is None:
            return
        self.load(get_template(self.db, int(template_id)))

    def _real_job(self, template: TemplateInfo) -> CertificateJob:
        """A real certificate of this kind when one exists, else a made-up one."""
        real = [
            job
            for job in certificate_jobs(self.db, self.festival_id, finalised_only=False)
            if job.kind == template.kind
        ]
        return real[0] if real else sample_job(template, self.festival_name, self.school, self.day)

    def load(self, info: TemplateInfo) -> None:
        self._loading = True
        self.info = info
        self.sample = self._real_job(info)
        self.name.setText(info.name)
        self.paper.setCurrentIndex(max(self.paper.findData(info.paper), 0))
        self.landscape.setChecked(info.landscape)
        self.width_mm.setValue(info.width_mm)
        self.height_mm.setValue(info.height_mm)
        self.columns.setValue(info.columns)
        self.rows.setValue(info.rows)
        self.date_style.setCurrentIndex(max(self.date_style.findData(info.date_style.value), 0))
        self.print_background.setChecked(info.print_background)
        self.offset_x.setValue(info.offset_x_mm)
        self.offset_y.setValue(info.offset_y_mm)
        current = self.fields.currentItem().text() if self.fields.currentItem() else ""
        self.fields.clear()
        self.fields.addItems([f.name for f in info.fields])
        matches = self.fields.findItems(current, Qt.MatchFlag.MatchExactly)
        self.fields.setCurrentRow(self.fields.row(matches[0]) if matches else 0)
        self._loading = False
        self._field_chosen(self.fields.currentItem().text() if self.fields.currentItem() else "")
        self._show()

    def _field_chosen(self, name: str) -> None:
        if self.info is None or not name:
            return
        item = self.info.field(name)
        self._loading = True
        self.field_text.setText(item.text)
        self.field_text.setEnabled(item.kind == FieldKind.TEXT)
        self.field_x.setValue(item.x_mm)
        self.field_y.setValue(item.y_mm)
        self.field_width.setValue(item.width_mm)
        self.field_font.setCurrentText(item.font or BUNDLED_FONT_LABEL)
        self.field_size.setValue(item.size)
        self.field_align.setCurrentIndex(max(self.field_align.findData(item.align.value), 0))
        self.field_wrap.setChecked(item.wrap)
        self.field_visible.setChecked(item.visible)
        self.field_preprinted.setChecked(item.preprinted)
        self.field_emphasis.setChecked(item.emphasise_name)
        self.field_emphasis.setEnabled("{姓名}" in item.text)
        self._loading = False
        self.preview.selected = name
        self.preview.update()

    def _select_field(self, name: str) -> None:
        matches = self.fields.findItems(name, Qt.MatchFlag.MatchExactly)
        if matches:
            self.fields.setCurrentItem(matches[0])

    def _field_dragged(self, name: str, x: float, y: float) -> None:
        assert self.info is not None
        self._store(self.info.with_field(dataclasses.replace(self.info.field(name), x_mm=x, y_mm=y)))
        self._field_chosen(name)

    def edited(self) -> TemplateInfo:
        """The template as the form now shows it."""
        assert self.info is not None
        paper = str(self.paper.currentData())
        landscape = self.landscape.isChecked()
        if paper in PAPERS:
            width, height = paper_size(paper, landscape)
        else:
            width, height = self.width_mm.value(), self.height_mm.value()
        info = dataclasses.replace(
            self.info,
            name=self.name.text(),
            paper=paper,
            landscape=landscape,
            width_mm=width,
            height_mm=height,
            columns=self.columns.value(),
            rows=self.rows.value(),
            date_style=DateStyle(self.date_style.currentData()),
            print_background=self.print_background.isChecked(),
            offset_x_mm=self.offset_x.value(),
            offset_y_mm=self.offset_y.value(),
        )
        current = self.fields.currentItem()
        if current is not None:
            item = info.field(current.text())
            font = self.field_font.currentText().strip()
            info = info.with_field(
                dataclasses.replace(
                    item,
                    text=self.field_text.text(),
                    x_mm=self.field_x.value(),
                    y_mm=self.field_y.value(),
                    width_mm=self.field_width.value(),
                    font="" if font == BUNDLED_FONT_LABEL else font,
                    size=self.field_size.value(),
                    align=Alignment(self.field_align.currentData()),
                    wrap=self.field_wrap.isChecked(),
                    visible=self.field_visible.isChecked(),
                    preprinted=self.field_preprinted.isChecked(),
                    emphasise_name=self.field_emphasis.isChecked(),
                )
            )
        return info

    def save(self) -> None:
        if self._loading or self.info is None:
            return
        edited = self.edited()
        if edited.design is not None and edited.slot_size != self.info.slot_size:
            # Another paper or layout: the design is drawn for it, and its fields placed anew.
            edited = apply_design(edited, edited.design)
        self._store(edited)

    def _store(self, info: TemplateInfo) -> None:
        """Save at once; a refused template keeps the last good one and says why."""
        try:
            done = save_template(self.db, self.festival_id, info)
        except FestError as exc:
            self.note.setText(exc.message)
            return
        saved = self.runner.apply(done, self)
        self.note.setText("　".join(font_notes(saved)))
        name_changed = self.info is not None and saved.name != self.info.name
        self.info = saved
        if name_changed:
            self.template_box.setItemText(self.template_box.currentIndex(), saved.name)
        self._loading = True
        width, height = saved.width_mm, saved.height_mm
        self.width_mm.setValue(width)
        self.height_mm.setValue(height)
        self._loading = False
        self._show()

    def _show(self) -> None:
        if self.info is not None and self.sample is not None:
            selected = self.preview.selected
            self.preview.show_certificate(self.info, self.sample)
            self.preview.selected = selected
            self.gallery.show_for(self.info, self.sample)

    def choose_design(self, design: DesignKind | None) -> None:
        """Print the template on a built-in design (or on plain paper): its fields placed for it."""
        if self.info is not None and design != self.info.design:
            self._store(apply_design(self.info, design))

    def choose_image(self, which: str) -> None:
        path = ask_open_path(self, self.tr("选择图片"), self.tr("图片 (*.png *.jpg *.jpeg)"))
        if path is not None:
            self.set_image(which, path)

    def set_image(self, which: str, path: Path) -> None:
        """Use a picture as the background, or, after its preview, as the seal."""
        assert self.info is not None
        try:
            data = path.read_bytes()
            check_image(data)
            prepared = prepare_seal(data) if which == "seal" else data
        except OSError as exc:
            show_error(self, self.tr("无法读取「{0}」：{1}").format(path, exc.strerror))
            return
        except FestError as exc:
            show_error(self, exc.message)
            return
        if which != "seal":
            self._store(dataclasses.replace(self.info, background=data))
            return
        self.seal_dialog = SealDialog(data, prepared, self.school, self)
        self.seal_dialog.accepted.connect(lambda: self._keep_seal(prepared))
        self.seal_dialog.open()

    def _keep_seal(self, seal: bytes) -> None:
        if self.info is not None:
            self._store(dataclasses.replace(self.info, seal=seal))

    def clear_images(self) -> None:
        if self.info is not None:
            self._store(dataclasses.replace(self.info, background=None, seal=None))

    def copy_template(self) -> None:
        if self.info is None:
            return
        copy = dataclasses.replace(self.info, id=0, name=self.tr("{0}（副本）").format(self.info.name))
        saved = self.runner.now(self, lambda: save_template(self.db, self.festival_id, copy))
        if saved is FAILED:
            return
        self._fill_templates(saved.id)

    def delete_template(self) -> None:
        if self.info is None or not confirm(
            self, self.tr("删除模板"), self.tr("删除模板「{0}」吗？").format(self.info.name)
        ):
            return
        template_id = self.info.id
        if self.runner.now(self, lambda: delete_template(self.db, template_id)) is FAILED:
            return
        self.info = None
        self._fill_templates(None)
