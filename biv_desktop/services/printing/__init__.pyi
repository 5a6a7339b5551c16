"""The printing face's names, for the type checker and for lazy_face (services/faces.py)."""

from biv_desktop.services.printing.contacts import Contact as Contact
from biv_desktop.services.printing.contacts import ContactList as ContactList
from biv_desktop.services.printing.contacts import contact_list as contact_list
from biv_desktop.services.printing.diplomas import DiplomaName as DiplomaName
from biv_desktop.services.printing.diplomas import Diplomas as Diplomas
from biv_desktop.services.printing.diplomas import closing_diplomas as closing_diplomas
from biv_desktop.services.printing.sheets import course_sheet as course_sheet
from biv_desktop.services.printing.sheets import print_pack as print_pack
from biv_desktop.services.printing.sheets import session_sheet as session_sheet
from biv_desktop.services.printing.sheets import session_sheet_by_number as session_sheet_by_number
