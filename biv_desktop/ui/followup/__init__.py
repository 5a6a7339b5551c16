"""The Uppföljning page and what it records for the follow-up with the municipality.

Modules: page (the page and its tabs), report_tab with period_picker, report_run (figures and files off
the GUI thread) and report_summary, meetings_tab with meeting_dialog, feedback_tab with feedback_dialog,
communication_tab, agreements_tab with agreement_dialog, questionnaire_editor (the settings tab for the
evaluation questionnaires), and common (what the tabs and dialogs share).
"""
