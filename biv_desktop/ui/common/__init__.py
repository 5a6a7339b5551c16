"""The UI kit every screen starts from.

- ``text``: ``translator(context)``, the one ``tr``;
- ``styles``: the colours of errors, warnings and banners;
- ``dates``: QDate ↔ date and the date field;
- ``confirm``: the one confirm box (and the question before deleting, the plain warning);
- ``service_call``: running a service call, the one way a user error is shown;
- ``form``: a form's error lines beside the fields;
- ``row_model``: the table model over frozen rows, and the search proxy (word prefixes, Arabic folding);
- ``table``: the one table set-up;
- ``list_screen`` and ``list_page``: the list screen, as a tab and as a page of the window;
- ``editor``: the editor dialog;
- ``worker``: long work off the GUI thread, behind a progress dialog.
- ``screen_fit``: every window within the available screen (a 1366×720 laptop), fitted as it is shown;
- ``window_state``: what is remembered per user (place, size, splitters, columns, last folders);
- ``unsaved``: "Vill du spara ändringarna?" before edits are lost, for pages and dialogs;
- ``numbers``: number and year fields that keep what was typed, for the service to refuse in a sentence;
- ``flow_layout``: a row of buttons that wraps instead of widening its window.

Nothing is re-exported here, so importing one piece does not import Qt widgets a test does not need.
"""
