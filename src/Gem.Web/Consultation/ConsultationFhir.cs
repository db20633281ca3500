using System.Globalization;
using Gem.Core.Consultation;
using Hl7.Fhir.Model;

namespace Gem.Web.Consultation;

/// <summary>
/// Consultation requests as FHIR R4: each request a <c>ServiceRequest</c> (intent proposal, category "consultation",
/// the question as note, life domains as reasonCode text), each answer a <c>Communication</c> that is <c>basedOn</c>
/// it. No diagnosis is ever coded: Gem has none.
/// </summary>
public static class ConsultationFhir
{
    public const string DomainSystem = "urn:gem:life-domain";
    public const string AnswerKindSystem = "urn:gem:consultation-answer-kind";

    public static Bundle ToBundle(IEnumerable<ConsultationRequest> requests)
    {
        var bundle = new Bundle { Type = Bundle.BundleType.Collection, Timestamp = DateTimeOffset.UtcNow };
        AddTo(bundle, requests);
        return bundle;
    }

    /// <summary>Adds each request and its answer; the subject is the person's <c>urn:uuid:</c> (as the Patient of the plan export) or "anonymised case".</summary>
    public static void AddTo(Bundle bundle, IEnumerable<ConsultationRequest> requests)
    {
        ArgumentNullException.ThrowIfNull(bundle);
        ArgumentNullException.ThrowIfNull(requests);
        foreach (var r in requests)
        {
            var url = "urn:uuid:" + r.Id;
            var request = new ServiceRequest
            {
                Status = r.Status switch { ConsultationStatus.Open => RequestStatus.Active, _ => RequestStatus.Completed },
                Intent = RequestIntent.Proposal,
                Category = [new CodeableConcept("http://snomed.info/sct", "11429006", "Consultation")],
                Code = new CodeableConcept { Text = "Consultatie (2e orde): vraag het de specialist" },
                Priority = r.Urgency == Urgency.Soon ? RequestPriority.Urgent : RequestPriority.Routine,
                AuthoredOn = r.AskedAt.ToString("o", CultureInfo.InvariantCulture),
                Occurrence = new Period { EndElement = new FhirDateTime(r.DueAt) },
                Subject = r.SubjectUserId is { } subject ? new ResourceReference("urn:uuid:" + subject) : new ResourceReference { Display = "Geanonimiseerde casus" },
            };
            foreach (var d in Enum.GetValues<Gem.Core.Atlas.LifeDomains>().Where(d => d != Gem.Core.Atlas.LifeDomains.None && r.Domains.HasFlag(d)))
                request.ReasonCode.Add(new CodeableConcept(DomainSystem, d.ToString()));
            request.Note.Add(new Annotation { Text = new Markdown("Vraag: " + r.Question) });
            if (r.Tried is { } tried) request.Note.Add(new Annotation { Text = new Markdown("Wat is geprobeerd: " + tried) });
            if (r.PersonView is { } pv) request.Note.Add(new Annotation { Text = new Markdown("Wat de persoon zegt: " + pv) });
            if (r.NetworkView is { } nv) request.Note.Add(new Annotation { Text = new Markdown("Wat het netwerk zegt: " + nv) });
            bundle.Entry.Add(new Bundle.EntryComponent { FullUrl = url, Resource = request });
            if (r.Answer is null) continue;
            var answer = new Communication
            {
                Status = EventStatus.Completed,
                BasedOn = [new ResourceReference(url)],
                Category = [new CodeableConcept(AnswerKindSystem, r.AnswerKind?.ToString())],
                Sent = r.AnsweredAt?.ToString("o", CultureInfo.InvariantCulture),
                Subject = request.Subject,
                Payload = [new Communication.PayloadComponent { Content = new FhirString(r.Answer) }],
            };
            if (r.MeetingAt is { } at) answer.Note.Add(new Annotation { Text = new Markdown("Afspraak: " + at.ToString("o", CultureInfo.InvariantCulture)) });
            bundle.Entry.Add(new Bundle.EntryComponent { FullUrl = "urn:uuid:" + Guid.NewGuid(), Resource = answer });
        }
    }
}
