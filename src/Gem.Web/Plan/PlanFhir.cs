using Gem.Core.Consent;
using Gem.Core.Plan;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;

namespace Gem.Web.Plan;

/// <summary>The person's export as a FHIR R4 collection Bundle: Patient, CarePlan, Goal, QuestionnaireResponse (check-ins), Consent, RelatedPerson, ServiceRequest and Communication (consultations), AuditEvent (the access log).</summary>
public static class PlanFhir
{
    public const string CheckInQuestionnaire = "urn:gem:questionnaire:chime-checkin";

    public static string Serialize(Resource resource) => new FhirJsonSerializer().SerializeToString(resource);

    public static Bundle ToBundle(PlanExport e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var bundle = new Bundle { Type = Bundle.BundleType.Collection, Timestamp = e.ExportedAt };
        var patientRef = "urn:uuid:" + e.Person.Id;
        var patient = new Patient { Name = [new HumanName { Text = e.Person.DisplayName }] };
        if (e.Person.Email is { } mail) patient.Telecom.Add(new ContactPoint(ContactPoint.ContactPointSystem.Email, null, mail));
        Add(bundle, patientRef, patient);

        var goalRefs = new List<ResourceReference>();
        foreach (var g in e.Goals)
        {
            var goal = new Hl7.Fhir.Model.Goal
            {
                LifecycleStatus = g.Reached ? Hl7.Fhir.Model.Goal.GoalLifecycleStatus.Completed : Hl7.Fhir.Model.Goal.GoalLifecycleStatus.Active,
                Description = new CodeableConcept { Text = g.Text },
                Subject = new ResourceReference(patientRef),
                Start = new Date(g.CreatedAt.UtcDateTime.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
            };
            var url = "urn:uuid:" + g.Id;
            goalRefs.Add(new ResourceReference(url));
            Add(bundle, url, goal);
        }

        var carePlan = new CarePlan
        {
            Status = RequestStatus.Active,
            Intent = CarePlan.CarePlanIntent.Plan,
            Title = "Mijn plan",
            Subject = new ResourceReference(patientRef),
            Description = e.Plan.WhatHelps,
            Goal = goalRefs,
        };
        if (e.Plan.WhereIStarted is { } started) carePlan.Note.Add(new Annotation { Text = new Markdown("Waar ik begon: " + started) });
        if (e.Story.Story is { } story) carePlan.Note.Add(new Annotation { Text = new Markdown("Mijn verhaal: " + story) });
        var c = e.CrisisPlan;
        foreach (var (label, text) in new[] { ("Vroege signalen", c.EarlySigns), ("Wat ik doe", c.WhatIDo), ("Wat anderen kunnen doen", c.WhatOthersDo), ("Wie te bellen", c.WhoToCall), ("Wat niet te doen", c.WhatNotToDo) })
            if (text is not null) carePlan.Activity.Add(new CarePlan.ActivityComponent { Detail = new CarePlan.DetailComponent { Status = CarePlan.CarePlanActivityStatus.NotStarted, Description = $"Crisisplan – {label}: {text}" } });
        foreach (var en in e.Enrolments)
            carePlan.Activity.Add(new CarePlan.ActivityComponent { Detail = new CarePlan.DetailComponent { Status = CarePlan.CarePlanActivityStatus.InProgress, Description = $"{en.Offer} ({en.Partner})" } });
        Add(bundle, "urn:uuid:" + Guid.NewGuid(), carePlan);

        foreach (var ci in e.CheckIns)
        {
            var response = new QuestionnaireResponse
            {
                Status = QuestionnaireResponse.QuestionnaireResponseStatus.Completed,
                Questionnaire = CheckInQuestionnaire,
                Subject = new ResourceReference(patientRef),
                Authored = ci.At.ToString("o", System.Globalization.CultureInfo.InvariantCulture),
            };
            foreach (var (id, value) in new[] { ("connectedness", ci.Connectedness), ("hope", ci.Hope), ("identity", ci.Identity), ("meaning", ci.Meaning),
                         ("empowerment", ci.Empowerment), ("quality-of-life", ci.QualityOfLife), ("participation", ci.Participation), ("people-i-can-count-on", ci.PeopleICanCountOn) })
                response.Item.Add(new QuestionnaireResponse.ItemComponent { LinkId = id, Answer = [new QuestionnaireResponse.AnswerComponent { Value = new Integer(value) }] });
            Add(bundle, "urn:uuid:" + Guid.NewGuid(), response);
        }

        foreach (var m in e.ResourceGroup)
        {
            var related = new RelatedPerson
            {
                Active = m.Accepted,
                Patient = new ResourceReference(patientRef),
                Relationship = [new CodeableConcept { Text = m.Role.ToString().ToLowerInvariant() }],
                Telecom = [new ContactPoint(ContactPoint.ContactPointSystem.Email, null, m.Email)],
            };
            if (m.Name is { } name) related.Name.Add(new HumanName { Text = name });
            Add(bundle, "urn:uuid:" + m.Id, related);
        }

        foreach (var cg in e.Consents)
        {
            var actor = cg.RecipientKind == RecipientKind.Member
                ? new ResourceReference("urn:uuid:" + cg.RecipientId, cg.RecipientName)
                : new ResourceReference { Display = cg.RecipientName ?? cg.RecipientId.ToString() };
            var consent = new Hl7.Fhir.Model.Consent
            {
                Status = cg.WithdrawnAt is null ? Hl7.Fhir.Model.Consent.ConsentState.Active : Hl7.Fhir.Model.Consent.ConsentState.Inactive,
                Scope = new CodeableConcept("http://terminology.hl7.org/CodeSystem/consentscope", "patient-privacy"),
                Category = [new CodeableConcept("http://loinc.org", "59284-0", "Patient Consent")],
                Patient = new ResourceReference(patientRef),
                DateTime = cg.GivenAt.ToString("o", System.Globalization.CultureInfo.InvariantCulture),
                Provision = new Hl7.Fhir.Model.Consent.provisionComponent
                {
                    Type = Hl7.Fhir.Model.Consent.ConsentProvisionType.Permit,
                    Period = new Period { StartElement = new FhirDateTime(cg.GivenAt), EndElement = cg.WithdrawnAt is { } w ? new FhirDateTime(w) : null },
                    Actor = [new Hl7.Fhir.Model.Consent.provisionActorComponent
                    {
                        Role = new CodeableConcept("http://terminology.hl7.org/CodeSystem/v3-ParticipationType", "IRCP", "information recipient"),
                        Reference = actor,
                    }],
                    Code = [new CodeableConcept("urn:gem:data-category", cg.Category.ToString())],
                },
            };
            Add(bundle, "urn:uuid:" + cg.Id, consent);
        }

        // The access log (NEN 7513) as AuditEvents: who, in which role, what, and whether it was allowed.
        foreach (var a in e.AccessLog)
        {
            var audit = new AuditEvent
            {
                Type = new Coding("http://terminology.hl7.org/CodeSystem/audit-event-type", "rest", "RESTful Operation"),
                Action = a.Action switch
                {
                    AccessAction.Change => AuditEvent.AuditEventAction.U,
                    AccessAction.Delete => AuditEvent.AuditEventAction.D,
                    AccessAction.Export or AccessAction.Search => AuditEvent.AuditEventAction.E,
                    _ => AuditEvent.AuditEventAction.R,
                },
                Recorded = a.At,
                Outcome = a.Allowed ? AuditEvent.AuditEventOutcome.N0 : AuditEvent.AuditEventOutcome.N4,
                Agent = [new AuditEvent.AgentComponent
                {
                    Name = a.Viewer,
                    Requestor = true,
                    Role = [new CodeableConcept { Text = a.ViewerRole }],
                    Who = a.Organisation is { } organisation ? new ResourceReference { Display = organisation } : null,
                }],
                Source = new AuditEvent.SourceComponent { Observer = new ResourceReference { Display = "Gem" } },
                Entity = [new AuditEvent.EntityComponent { What = new ResourceReference(patientRef), Name = a.What }],
            };
            Add(bundle, "urn:uuid:" + Guid.NewGuid(), audit);
        }
        Consultation.ConsultationFhir.AddTo(bundle, e.Consultations);
        Diary.DiaryFhir.AddTo(bundle, patientRef, e.Diary);
        return bundle;
    }

    private static void Add(Bundle bundle, string fullUrl, Resource resource) =>
        bundle.Entry.Add(new Bundle.EntryComponent { FullUrl = fullUrl, Resource = resource });
}
