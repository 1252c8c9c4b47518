"""Interview invitations in: each event becomes an interview with the people on it (DESIGN,
"invite"). The same UID again updates that interview (a later SEQUENCE wins; a new date
re-plans); a cancellation removes it while none of its touches is done."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from followup.domain.application import opportunity_id as stable_id
from followup.domain.errors import InvalidField
from followup.domain.folding import fold
from followup.domain.invitation import (
    Invitation,
    company_from_domain,
    company_matches,
    mail_domain,
    people_met,
    role_and_company,
)
from followup.domain.model import Candidate, Contact, Interview, Opportunity
from followup.domain.people import email_key, name_from_address
from followup.domain.validation import validate_opportunity
from followup.services.dependencies import Dependencies
from followup.services.importing import Found, Skip, Tally
from followup.services.people import complete_contact, remember_met
from followup.services.planning import replan, require_opportunity
from followup.services.ports import ImportReport
from followup.services.recording import interview_id_for
from followup.services.storage import InvitationRecord, UnitOfWork
from followup.services.zones import check_timezone


def merge_invitations(
    deps: Dependencies,
    uow: UnitOfWork,
    records: Iterable[Found[Invitation] | Skip],
    opportunity_id: str | None = None,
) -> ImportReport:
    """Record, move or remove the interviews these invitations are about, inside the caller's
    unit of work. The opportunity is `opportunity_id` when given, else the one whose people
    share the organizer's mail domain (or whose company the domain names), else a new one."""
    report = Tally("invite")
    candidate = uow.get_candidate() or Candidate()
    if opportunity_id is not None:
        require_opportunity(uow, opportunity_id, "opportunity")
    importer = _Importer(deps, uow, candidate, opportunity_id, report)
    for record in records:
        if isinstance(record, Skip):
            report.skip(record.where, record.reason)
        elif record.value.cancelled:
            report.read += 1
            importer.cancel(record.where, record.value)
        else:
            report.read += 1
            importer.request(record.where, record.value)
    return report.report()


def local_start(start: datetime | date, zone: ZoneInfo) -> tuple[date, time | None]:
    """The interview's day and time where the candidate lives (a floating time is theirs)."""
    if isinstance(start, datetime):
        if start.tzinfo is not None:
            start = start.astimezone(zone)
        return start.date(), start.time().replace(second=0, microsecond=0)
    return start, None


class _Importer:
    def __init__(
        self,
        deps: Dependencies,
        uow: UnitOfWork,
        candidate: Candidate,
        chosen: str | None,
        report: Tally,
    ) -> None:
        self.deps = deps
        self.uow = uow
        self.candidate = candidate
        self.zone = check_timezone(candidate.timezone, "timezone")
        self.chosen = chosen
        self.report = report

    # -- a request (new, or an update of a known UID) -------------------------------------------
    def request(self, where: str, invitation: Invitation) -> None:
        known = self.uow.invitation(invitation.uid)
        if known is not None and invitation.sequence < known.sequence:
            state = "cancelled" if known.cancelled else "imported"
            self.report.skip(
                where,
                f"an older version of an invitation already {state} (SEQUENCE "
                f"{invitation.sequence}, {known.sequence} is newer)",
            )
            return
        if known is not None and known.cancelled and invitation.sequence == known.sequence:
            self.report.skip(where, "this invitation was cancelled at the same SEQUENCE")
            return
        opportunity = None
        if known is not None and not known.cancelled:
            opportunity = self.uow.get_opportunity(known.opportunity_id)
        if opportunity is not None and known is not None:
            for index, interview in enumerate(opportunity.interviews):
                if interview.id == known.interview_id:
                    self._update(where, invitation, known, opportunity, index)
                    return
        self._add(where, invitation)

    def _add(self, where: str, invitation: Invitation) -> None:
        met = people_met(invitation, self.candidate.email)
        if not met:
            # A calendar's own event (a birthday, a reminder, a booking): nobody to thank.
            self.report.skip(
                where,
                "no one to meet: the event has no ORGANIZER or ATTENDEE besides you (an "
                "interview invitation names who you meet)",
            )
            return
        day, at = local_start(invitation.start, self.zone)
        opportunity = self._opportunity_for(invitation)
        contacts = tuple(complete_contact(self.uow, c, opportunity.company) for c in met)
        ids = {iv.id for iv in opportunity.interviews}
        by_date = _numbered_by_date(opportunity.interviews)
        round_number = 1 + sum(1 for iv in opportunity.interviews if iv.date < day)
        interview_id = base_id = interview_id_for(opportunity.id, day, round_number)
        n = 2
        while interview_id in ids:  # two interviews the same day
            interview_id, n = f"{base_id}-{n}", n + 1
        interview = Interview(
            id=interview_id,
            date=day,
            round=round_number,
            contacts=contacts,
            time=at,
            location=invitation.location,
        )
        opportunity.interviews.append(interview)
        if by_date:  # (an invitation to an earlier day makes the later rounds later ones)
            opportunity.interviews = _renumbered(opportunity.interviews)
        if not self._save(where, opportunity, interview):
            return
        self._remember(invitation, opportunity.id, interview_id)
        self.report.count("added", _label(opportunity, interview))

    def _update(
        self,
        where: str,
        invitation: Invitation,
        known: InvitationRecord,
        opportunity: Opportunity,
        index: int,
    ) -> None:
        old = opportunity.interviews[index]
        day, at = local_start(invitation.start, self.zone)
        contacts = list(old.contacts)
        for person in people_met(invitation, self.candidate.email):
            found = next((i for i, c in enumerate(contacts) if _same(c, person)), None)
            if found is None:
                contacts.append(complete_contact(self.uow, person, opportunity.company))
            elif contacts[found].minutes == known.minutes:
                # Minutes follow the event's length until the user says otherwise.
                contacts[found] = replace(contacts[found], minutes=invitation.minutes)
        new = replace(
            old,
            date=day,
            time=at,
            location=invitation.location or old.location,
            contacts=tuple(contacts),
        )
        record = InvitationRecord(
            invitation.uid, opportunity.id, old.id, invitation.sequence, invitation.minutes
        )
        if new == old:
            if record != known:
                self.uow.save_invitation(record)
            self.report.count("unchanged")
            return
        by_date = _numbered_by_date(opportunity.interviews)
        opportunity.interviews[index] = new
        if by_date:  # (moved before or past another interview, the rounds follow the days)
            opportunity.interviews = _renumbered(opportunity.interviews)
            new = opportunity.interviews[index]
        if self._save(where, opportunity, new):
            self.uow.save_invitation(record)
            self.report.count("updated", _label(opportunity, new))

    # -- a cancellation --------------------------------------------------------------------------
    def cancel(self, where: str, invitation: Invitation) -> None:
        known = self.uow.invitation(invitation.uid)
        if known is None:
            self.report.skip(where, "a cancellation of an interview that was never imported")
            return
        if known.cancelled:
            self.report.count("unchanged")
            return
        if invitation.sequence < known.sequence:
            self.report.skip(
                where,
                f"a cancellation older than the invitation imported (SEQUENCE "
                f"{invitation.sequence}, {known.sequence} is newer)",
            )
            return
        opportunity = self.uow.get_opportunity(known.opportunity_id)
        kept = [
            iv
            for iv in (opportunity.interviews if opportunity else [])
            if iv.id != known.interview_id
        ]
        if opportunity is not None and len(kept) < len(opportunity.interviews):
            done = [
                row.touch
                for row in self.uow.plan(opportunity.id)
                if row.touch.interview == known.interview_id and row.touch.status == "done"
            ]
            if done:
                touch = done[0]
                self.report.skip(
                    where,
                    f"kept interview {known.interview_id}: its {touch.step.replace('_', '-')} "
                    f"to {touch.contact} is done",
                )
                return
            by_date = _numbered_by_date(opportunity.interviews)
            opportunity.interviews = _renumbered(kept) if by_date else kept
            try:
                validate_opportunity(opportunity)
            except InvalidField:
                self.report.skip(
                    where,
                    f"kept interview {known.interview_id}: events of {opportunity.id} name "
                    "people met only there",
                )
                return
            self.uow.save_opportunity(opportunity)
            self.report.touches += replan(self.deps, self.uow, self.candidate, [opportunity])
        self.uow.save_invitation(replace(known, sequence=invitation.sequence, cancelled=True))
        self.report.count("updated", f"{known.opportunity_id}: interview cancelled")

    # -- helpers ---------------------------------------------------------------------------------
    def _save(self, where: str, opportunity: Opportunity, interview: Interview) -> bool:
        try:
            validate_opportunity(opportunity)
        except InvalidField as error:
            self.report.skip(where, error.under(opportunity.id).message)
            return False
        self.uow.save_opportunity(opportunity)
        remember_met(self.uow, opportunity, [interview], source="invite")
        self.report.touches += replan(self.deps, self.uow, self.candidate, [opportunity])
        return True

    def _remember(self, invitation: Invitation, opportunity_id: str, interview_id: str) -> None:
        self.uow.save_invitation(
            InvitationRecord(
                invitation.uid,
                opportunity_id,
                interview_id,
                invitation.sequence,
                invitation.minutes,
            )
        )

    def _opportunity_for(self, invitation: Invitation) -> Opportunity:
        """`--opportunity`, else the one the organizer's domain points to, else a new one."""
        if self.chosen is not None:
            return require_opportunity(self.uow, self.chosen, "opportunity")
        own = mail_domain(self.candidate.email) if self.candidate.email else ""
        domains = [d for d in invitation.domains if d != own]
        # Names to leave out of the summary: the candidate's (as the profile has it, or as
        # their address spells it) and everyone's on the invitation.
        mine = name_from_address(self.candidate.email) if self.candidate.email else ""
        names = (self.candidate.name, mine, *(p.name for p in invitation.people))
        domain_company = company_from_domain(domains[0]) if domains else ""
        role, company = role_and_company(invitation.summary, domain_company, names)
        found = self._by_domain(domains, invitation.summary) or self._by_company(
            domains, company, invitation.summary
        )
        if found is not None:
            return found
        company = company or domain_company or role or invitation.summary or "Unknown company"
        if role == company:
            role = ""
        oid = stable_id(company, role)
        stored = self.uow.get_opportunity(oid)
        if stored is not None:
            return stored
        policy = self.candidate.default_policy
        self.deps.policies.get(policy, "default_policy")
        return Opportunity(id=oid, company=company, role=role, policy=policy)

    def _by_domain(self, domains: list[str], summary: str) -> Opportunity | None:
        """The opportunity whose people share the organizer's domain (DESIGN), or the first
        attendee's where the organizer writes from a mailbox or a scheduling service that says
        nothing of the employer. Only that one: the other attendees' domains may be anyone's
        (the candidate's own, when the profile has no address, is on every invitation)."""
        if not domains:
            return None
        by_domain: dict[str, list[str]] = {}
        for address, places in self.uow.contacts_by_email().items():
            for oid, _ in places:
                by_domain.setdefault(mail_domain(address), []).append(oid)
        if domains[0] in by_domain:
            return self._pick(dict.fromkeys(by_domain[domains[0]]), summary)
        return None

    def _by_company(self, domains: list[str], company: str, summary: str) -> Opportunity | None:
        """An opportunity (an application, say) whose company the domain or the summary names."""
        matching = [
            s.id
            for s in self.uow.summaries()
            if any(company_matches(s.company, d) for d in domains)
            or (company and fold(s.company) == fold(company))
        ]
        return self._pick(dict.fromkeys(matching), summary) if matching else None

    def _pick(self, ids: dict[str, None], summary: str) -> Opportunity | None:
        """Of several opportunities, the one whose role the summary names, else the newest."""
        found = [o for o in (self.uow.get_opportunity(i) for i in ids) if o is not None]
        if not found:
            return None
        text = fold(summary)
        named = [o for o in found if o.role and fold(o.role) in text]
        if named:
            return named[0]
        order = {oid: n for n, oid in enumerate(self.uow.opportunity_ids())}
        return max(found, key=lambda o: order.get(o.id, -1))


def _rounds_by_date(interviews: list[Interview]) -> list[int]:
    """The round an invitation gives each interview: one more than the interviews of earlier
    days (two the same day are one round)."""
    return [1 + sum(1 for other in interviews if other.date < iv.date) for iv in interviews]


def _numbered_by_date(interviews: list[Interview]) -> bool:
    """Whether the rounds are the ones the days give; rounds the user set otherwise (by hand,
    or in a dossier) are theirs, and an invitation leaves them as they are."""
    return [iv.round for iv in interviews] == _rounds_by_date(interviews)


def _renumbered(interviews: list[Interview]) -> list[Interview]:
    """The rounds as the days give them; each interview keeps its id (touches name it)."""
    rounds = _rounds_by_date(interviews)
    return [
        iv if iv.round == r else replace(iv, round=r)
        for iv, r in zip(interviews, rounds, strict=True)
    ]


def _label(opportunity: Opportunity, interview: Interview) -> str:
    at = f" {interview.time:%H:%M}" if interview.time else ""
    names = ", ".join(c.name for c in interview.contacts) or "nobody named"
    role = f" — {opportunity.role}" if opportunity.role else ""
    return f"{opportunity.company}{role}: interview {interview.date.isoformat()}{at} with {names}"


def _same(contact: Contact, person: Contact) -> bool:
    if contact.email and person.email:
        return email_key(contact.email) == email_key(person.email)
    return fold(contact.name) == fold(person.name)
