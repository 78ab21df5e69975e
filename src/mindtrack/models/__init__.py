"""Every ORM table, one module each; import tables from here."""

from mindtrack.models.account_token import AccountToken, TokenPurpose
from mindtrack.models.audit import AuditEvent, AuditHead
from mindtrack.models.auth_session import AuthSession
from mindtrack.models.base import Base
from mindtrack.models.checkin_analysis import CheckinAnalysis
from mindtrack.models.consent import Consent, ConsentEvent, ConsentPurpose
from mindtrack.models.conversation import Conversation, ConversationMessage
from mindtrack.models.crisis_incident import (
    CrisisIncident,
    IncidentEvent,
    IncidentStatus,
    RiskAssessmentRecord,
)
from mindtrack.models.data_export import DataExport, ExportStatus
from mindtrack.models.data_key import DataKey
from mindtrack.models.mood_day import MoodDay
from mindtrack.models.mood_entry import MoodEntry
from mindtrack.models.mood_entry_tombstone import MoodEntryTombstone
from mindtrack.models.oidc import OidcIdentity, OidcLogin
from mindtrack.models.outbox_message import DeliveryAttempt, DeliveryStatus, OutboxMessage
from mindtrack.models.population_snapshot import PopulationSnapshot
from mindtrack.models.questionnaire_response import QuestionnaireResponse
from mindtrack.models.recovery_code import RecoveryCode
from mindtrack.models.referral import Referral, ReferralStatus, TherapistProfile
from mindtrack.models.refresh_token import RefreshToken
from mindtrack.models.safety_plan import SafetyPlanVersion
from mindtrack.models.sharing import (
    ClinicianNote,
    GrantStatus,
    PatientDataAccess,
    ShareScope,
    SharingGrant,
)
from mindtrack.models.trusted_contact import ContactConsent, TrustedContact
from mindtrack.models.user import Role, User

__all__ = [
    "AccountToken",
    "AuditEvent",
    "AuditHead",
    "AuthSession",
    "Base",
    "CheckinAnalysis",
    "ClinicianNote",
    "Consent",
    "ConsentEvent",
    "ConsentPurpose",
    "ContactConsent",
    "Conversation",
    "ConversationMessage",
    "CrisisIncident",
    "DataExport",
    "DataKey",
    "DeliveryAttempt",
    "DeliveryStatus",
    "ExportStatus",
    "GrantStatus",
    "IncidentEvent",
    "IncidentStatus",
    "MoodDay",
    "MoodEntry",
    "MoodEntryTombstone",
    "OidcIdentity",
    "OidcLogin",
    "OutboxMessage",
    "PatientDataAccess",
    "PopulationSnapshot",
    "QuestionnaireResponse",
    "RecoveryCode",
    "Referral",
    "ReferralStatus",
    "RefreshToken",
    "RiskAssessmentRecord",
    "Role",
    "SafetyPlanVersion",
    "ShareScope",
    "SharingGrant",
    "TherapistProfile",
    "TokenPurpose",
    "TrustedContact",
    "User",
]
