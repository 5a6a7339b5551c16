"""The privacy face's names, for the type checker and for lazy_face (services/faces.py)."""

from biv_desktop.services.privacy.clean_up import CleanUpResult as CleanUpResult
from biv_desktop.services.privacy.clean_up import DuePerson as DuePerson
from biv_desktop.services.privacy.clean_up import PersonKey as PersonKey
from biv_desktop.services.privacy.clean_up import PersonKind as PersonKind
from biv_desktop.services.privacy.clean_up import anonymise as anonymise
from biv_desktop.services.privacy.clean_up import delete_participant as delete_participant
from biv_desktop.services.privacy.clean_up import due_counts as due_counts
from biv_desktop.services.privacy.clean_up import due_for_clean_up as due_for_clean_up
from biv_desktop.services.privacy.extract import register_extract as register_extract
from biv_desktop.services.privacy.files import TraceReport as TraceReport
from biv_desktop.services.privacy.files import checkpoint as checkpoint
from biv_desktop.services.privacy.files import remove_older_backups as remove_older_backups
from biv_desktop.services.privacy.files import remove_traces as remove_traces
