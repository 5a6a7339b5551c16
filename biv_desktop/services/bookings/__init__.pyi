"""The bookings face's names, for the type checker and for lazy_face (services/faces.py)."""

from biv_desktop.domain.bookings import LATE_CANCELLATION_HOURS as LATE_CANCELLATION_HOURS
from biv_desktop.domain.bookings import UNCONFIRMED_HORIZON_DAYS as UNCONFIRMED_HORIZON_DAYS
from biv_desktop.domain.bookings import BookingState as BookingState
from biv_desktop.services.bookings.booking import SessionBooking as SessionBooking
from biv_desktop.services.bookings.booking import get_booking as get_booking
from biv_desktop.services.bookings.booking import set_booking as set_booking
from biv_desktop.services.bookings.booking import unconfirmed_bookings as unconfirmed_bookings
from biv_desktop.services.bookings.hours import HoursLine as HoursLine
from biv_desktop.services.bookings.hours import HoursReport as HoursReport
from biv_desktop.services.bookings.hours import ServedGroup as ServedGroup
from biv_desktop.services.bookings.hours import ServiceRecord as ServiceRecord
from biv_desktop.services.bookings.hours import hours_report as hours_report
from biv_desktop.services.bookings.hours import service_record as service_record
from biv_desktop.services.bookings.lists import BookingList as BookingList
from biv_desktop.services.bookings.lists import agencies_between as agencies_between
from biv_desktop.services.bookings.lists import booking_list as booking_list
