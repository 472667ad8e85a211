"""The application's look: one stylesheet, calm colours, generous spacing for Chinese text."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette

ACCENT = "#1f5fae"


def light_palette() -> QPalette:
    """The light colours the stylesheet is drawn for, given outright: under Windows' dark mode Qt would
    otherwise put light text on the stylesheet's white backgrounds."""
    palette = QPalette()
    colours = {
        QPalette.ColorRole.Window: "#f4f6fa",
        QPalette.ColorRole.WindowText: "#1b2430",
        QPalette.ColorRole.Base: "#ffffff",
        QPalette.ColorRole.AlternateBase: "#f8fafd",
        QPalette.ColorRole.Text: "#1b2430",
        QPalette.ColorRole.PlaceholderText: "#8a94a3",
        QPalette.ColorRole.Button: "#ffffff",
        QPalette.ColorRole.ButtonText: "#1b2430",
        QPalette.ColorRole.BrightText: "#ffffff",
        QPalette.ColorRole.Highlight: "#d6e6fa",
        QPalette.ColorRole.HighlightedText: "#111111",
        QPalette.ColorRole.ToolTipBase: "#fffbe6",
        QPalette.ColorRole.ToolTipText: "#1b2430",
        QPalette.ColorRole.Link: ACCENT,
    }
    for role, colour in colours.items():
        palette.setColor(role, QColor(colour))
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor("#9aa3b0"))
    return palette


STYLESHEET = f"""
QMainWindow {{ background: #f4f6fa; }}
#festivalHeader {{ background: qlineargradient(x1:0, y1:0, x2:1, y2:0, stop:0 #1f5fae, stop:1 #2f8fce);
                   border-radius: 0; }}
#festivalTitle {{ color: white; font-size: 17pt; font-weight: bold; }}
#festivalSubtitle {{ color: #e3eefb; font-size: 10pt; }}
#phaseBadge {{ color: #1f5fae; background: white; border-radius: 11px; padding: 3px 12px;
               font-weight: bold; }}
QTabWidget::pane {{ border: none; background: white; }}
QTabBar::tab {{ padding: 7px 20px; font-size: 11pt; color: #44536a; background: #e6ebf3;
                border: none; margin-right: 2px; }}
QTabBar::tab:selected {{ background: white; color: {ACCENT}; font-weight: bold;
                         border-top: 3px solid {ACCENT}; }}
#settingsNav {{ border: none; background: #f0f3f8; font-size: 11pt; padding-top: 8px; }}
#settingsNav::item {{ padding: 10px 14px; }}
#settingsNav::item:selected {{ background: white; color: {ACCENT}; border-left: 3px solid {ACCENT}; }}
QGroupBox {{ font-weight: bold; border: 1px solid #dde3ec; border-radius: 6px; margin-top: 14px;
             padding: 10px 8px 8px 8px; }}
QGroupBox::title {{ subcontrol-origin: margin; left: 10px; padding: 0 4px; color: #33445c; }}
QTableView {{ gridline-color: #e3e8ef; selection-background-color: #d6e6fa; selection-color: #111;
              alternate-background-color: #f8fafd; }}
QHeaderView::section {{ background: #eef2f7; padding: 6px; border: none;
                        border-right: 1px solid #dde3ec; font-weight: bold; color: #33445c; }}
QPushButton {{ padding: 5px 14px; border: 1px solid #c5cfdd; border-radius: 4px; background: white; }}
QPushButton:hover {{ border-color: {ACCENT}; color: {ACCENT}; }}
QPushButton:disabled {{ color: #9aa5b5; }}
QPushButton[menuButton="true"], QToolButton[menuButton="true"] {{ padding-right: 24px; }}
QPushButton::menu-indicator, QToolButton::menu-indicator {{ subcontrol-origin: padding;
    subcontrol-position: center right; right: 7px; }}
#placeholderTitle {{ font-size: 22pt; color: #33445c; font-weight: bold; }}
#placeholderBody {{ font-size: 12pt; color: #5b6b82; margin: 0 120px; }}
#placeholderNotice {{ font-size: 11pt; color: #8a6d00; }}
#hint {{ color: #6b7a90; }}
#statCard {{ background: white; border: 1px solid #d8e0ea; border-radius: 8px; }}
#statValue {{ font-size: 20pt; font-weight: bold; color: {ACCENT}; }}
#statValueSmall {{ font-size: 14pt; font-weight: bold; color: {ACCENT}; }}
#statCaption {{ color: #5b6b82; }}
#notice {{ background: #fff4d6; color: #6b4f00; padding: 8px 16px; border-bottom: 1px solid #f0d98c; }}
#errorText {{ color: #b3261e; font-weight: bold; }}
#okText {{ color: #1e7b34; font-weight: bold; }}
#warningText {{ color: #8a5a00; font-weight: bold; }}
#panelHeading {{ font-size: 13pt; font-weight: bold; color: #33445c; padding-bottom: 4px; }}
#quotaHint {{ color: #5b6b82; }}
#quotaHint[state="missing"], #quotaHint[state="under"] {{ color: #a35200; font-weight: bold; }}
#quotaHint[state="over"] {{ color: #b3261e; font-weight: bold; }}
#quotaHint[state="complete"] {{ color: #1e7b34; }}
#competitionList {{ font-size: 11pt; }}
#competitionList::item {{ padding: 6px 8px; }}
#primaryButton {{ background: {ACCENT}; color: white; border-color: {ACCENT}; font-weight: bold; }}
#primaryButton:hover {{ background: #2f72c4; color: white; }}
QStatusBar {{ color: #5b6b82; }}
"""
