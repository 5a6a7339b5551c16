"""The colours the screens share, as style sheets: one look for an error, a warning, a banner."""

# A refusal beside a field or under a list.
ERROR_STYLE = "color: #b00020;"
# Text that says all is well, or warns, without a box around it.
OK_STYLE = "color: #1b5e20;"
WARNING_TEXT_STYLE = "color: #8a4b00;"
# A boxed note: a warning to weigh, a problem to fix, something to follow up, a closed session.
WARNING_STYLE = "background: #fff4ce; border: 1px solid #e0c060; border-radius: 3px; padding: 6px;"
PROBLEM_STYLE = "background: #fde7e9; border: 1px solid #d08080; border-radius: 3px; padding: 6px;"
FLAG_STYLE = "background: #ffe0b2; border: 1px solid #e0a060; border-radius: 4px; padding: 6px;"
BANNER_STYLE = "background: #fff4ce; border: 1px solid #e0c060; border-radius: 4px; padding: 8px;"
# A hint under a table or a form: quieter than the text, and still 6:1 against the window (the palette's
# placeholder grey, black at half strength, gave 4:1; a disabled label's grey 1.6:1).
HINT_STYLE = "color: #595959;"
