"""Case exercises: the session model, saving and export (pure, no Qt)."""
from .controller import Session, resume
from .model import Comparison, SessionState, StepState, compare, emphasis, gaps
from .store import SessionError

__all__ = ["Comparison", "Session", "SessionError", "SessionState", "StepState", "compare",
           "emphasis", "gaps", "resume"]
