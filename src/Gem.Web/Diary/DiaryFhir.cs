using System.Globalization;
using Gem.Core.Diary;
using Hl7.Fhir.Model;

namespace Gem.Web.Diary;

/// <summary>Each diary moment in the FHIR export as a QuestionnaireResponse: completed when answered (late ones marked), stopped when skipped or missed.</summary>
public static class DiaryFhir
{
    public const string Questionnaire = "urn:gem:questionnaire:diary-moment";

    public static void AddTo(Bundle bundle, string patientRef, IEnumerable<ExportDiaryMoment> moments)
    {
        foreach (var m in moments.Where(m => m.SentAt is not null || m.AnsweredAt is not null))
        {
            var response = new QuestionnaireResponse
            {
                Status = m.AnsweredAt is not null ? QuestionnaireResponse.QuestionnaireResponseStatus.Completed : QuestionnaireResponse.QuestionnaireResponseStatus.Stopped,
                Questionnaire = Questionnaire,
                Subject = new ResourceReference(patientRef),
                Authored = (m.AnsweredAt ?? m.SkippedAt ?? m.PlannedAt).ToString("o", CultureInfo.InvariantCulture),
            };
            void Item(string id, DataType? value)
            {
                if (value is not null) response.Item.Add(new QuestionnaireResponse.ItemComponent { LinkId = id, Answer = [new QuestionnaireResponse.AnswerComponent { Value = value }] });
            }
            Item("planned", new FhirDateTime(m.PlannedAt));
            Item("late", m.AnsweredAt is null ? null : new FhirBoolean(m.Late));
            Item("skipped", m.SkippedAt is null ? null : new FhirBoolean(true));
            foreach (var (id, value) in new[] { ("cheerful", m.Cheerful), ("down", m.Down), ("anxious", m.Anxious), ("relaxed", m.Relaxed), ("irritated", m.Irritated) })
                Item(id, value is { } v ? new Integer(v) : null);
            Item("place", m.Place is { } p ? new Coding("urn:gem:diary:place", p.ToString()) : null);
            Item("company", m.Company is { } c ? new Coding("urn:gem:diary:company", c.ToString()) : null);
            Item("activity", m.Activity is { } a ? new Coding("urn:gem:diary:activity", a.ToString()) : null);
            Item("rather-else", m.RatherElse is { } r ? new FhirBoolean(r) : null);
            Item("word", m.Word is { } w ? new FhirString(w) : null);
            // A study's extra 1–7 items (decision 804), by the protocol's item id.
            foreach (var (id, value) in m.Extra) Item("study-" + id, new Integer(value));
            bundle.Entry.Add(new Bundle.EntryComponent { FullUrl = "urn:uuid:" + m.Id, Resource = response });
        }
    }
}
