using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Gem.Web.Hosting;

/// <summary>
/// <c>/openapi/v1.json</c> that tells the truth (decision 205): every status an operation can answer (400 for bad input,
/// 401/403 behind the staff cookie, 404 for an unknown id, 409 where declared), the cookie security scheme, HSDS and
/// FHIR bodies described by a link to their own schemas, [Flags] enums as their allowed names, and nullable enums
/// that accept null once. <c>Interop/OpenApiTests</c> checks the document and a call of every operation against it.
/// </summary>
public static class OpenApiDocumentation
{
    public const string CookieScheme = "cookie";
    private const string Problem = "application/problem+json";

    public static IServiceCollection AddGemOpenApi(this IServiceCollection services) => services.AddOpenApi(o =>
    {
        o.AddSchemaTransformer((schema, context, _) =>
        {
            var type = Nullable.GetUnderlyingType(context.JsonTypeInfo.Type) ?? context.JsonTypeInfo.Type;
            if (type.IsEnum && type.IsDefined(typeof(FlagsAttribute), false))
            {
                // JsonStringEnumConverter writes flags as "A, B"; "None" when empty.
                var names = string.Join('|', Enum.GetNames(type));
                schema.Type = JsonSchemaType.String;
                schema.Enum = null;
                schema.Pattern = $"^({names})(, ({names}))*$";
                schema.Description = $"{type.Name}: one or more of {string.Join(", ", Enum.GetNames(type))}, separated by \", \".";
            }
            return Task.CompletedTask;
        });
        o.AddOperationTransformer((operation, context, _) =>
        {
            var description = context.Description;
            var path = "/" + (description.RelativePath ?? "");
            operation.Responses ??= [];
            var metadata = description.ActionDescriptor.EndpointMetadata;
            if (description.ParameterDescriptions.Count > 0)
                AddProblem(operation, "400", "Invalid input: a parameter or body that cannot be read or does not validate.");
            if (description.ParameterDescriptions.Any(p => p.Source?.Id == "Path"))
                AddProblem(operation, "404", "No such id, or not one the caller may see.");
            if (metadata.OfType<IAuthorizeData>().Any())
            {
                AddProblem(operation, "401", "Not signed in (send the sign-in cookie).");
                AddProblem(operation, "403", "Signed in, but without the staff role.");
                operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(CookieScheme, context.Document)] = [] }];
            }
            // A 4xx declared without a body (TypedResults.NotFound()) is still written as problem JSON by UseStatusCodePages.
            foreach (var (status, response) in operation.Responses.Where(r => r.Key.StartsWith('4') && r.Value.Content is not { Count: > 0 }).ToList())
            {
                operation.Responses.Remove(status);
                AddProblem(operation, status, response.Description ?? "Client error.");
            }
            if (path.StartsWith("/api/hsds", StringComparison.Ordinal)) LinkBody(operation, "application/json",
                "An HSDS 3.1 object (or HSDS paged list of them) in the shape of the Open Referral schemas; see docs/hsds.md.",
                "https://docs.openreferral.org/en/latest/hsds/schema_reference.html");
            if (path.StartsWith("/fhir", StringComparison.Ordinal)) LinkBody(operation, "application/fhir+json",
                "A FHIR R4 resource (Bundle, HealthcareService, Organization, Location, CapabilityStatement or OperationOutcome) in FHIR JSON.",
                "https://hl7.org/fhir/R4/fhir.schema.json");
            return Task.CompletedTask;
        });
        o.AddDocumentTransformer((document, _, _) =>
        {
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes[CookieScheme] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Cookie,
                Name = "gem.auth",
                Description = "The sign-in cookie from /Account/Login (ASP.NET Core Identity). The JSON APIs need no antiforgery token; "
                    + "the HTML forms carry one (__RequestVerificationToken) and are not part of this document.",
            };
            foreach (var schema in ValuesOf(document.Components.Schemas)) AcceptNullOnce(schema);
            foreach (var operation in document.Paths.Values.SelectMany(p => ValuesOf(p.Operations)))
                foreach (var content in ValuesOf(operation.Responses).SelectMany(r => ValuesOf(r.Content)).Concat(ValuesOf(operation.RequestBody?.Content)))
                    AcceptNullOnce(content.Schema);
            return Task.CompletedTask;
        });
    });

    private static void AddProblem(OpenApiOperation operation, string status, string text)
    {
        if (operation.Responses!.ContainsKey(status)) return;
        operation.Responses[status] = new OpenApiResponse
        {
            Description = text,
            Content = new Dictionary<string, OpenApiMediaType>
            {
                [Problem] = new() { Schema = ProblemSchema() },
                // A status without a body (the router's 404 for a malformed id) is written by UseStatusCodePages as problem JSON too.
            },
        };
    }

    /// <summary>RFC 9457 problem details (ASP.NET Core's ProblemDetails and ValidationProblemDetails).</summary>
    private static OpenApiSchema ProblemSchema() => new()
    {
        Type = JsonSchemaType.Object,
        Properties = new Dictionary<string, IOpenApiSchema>
        {
            ["type"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null },
            ["title"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null },
            ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer | JsonSchemaType.Null },
            ["detail"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null },
            ["instance"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null },
            ["errors"] = new OpenApiSchema { Type = JsonSchemaType.Object, AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String } } },
        },
    };

    /// <summary>HSDS and FHIR bodies follow their standards' own schemas: the document says which and links them.</summary>
    private static void LinkBody(OpenApiOperation operation, string mediaType, string text, string schemaUrl)
    {
        var success = operation.Responses!.TryGetValue("200", out var ok) ? ok : null;
        var body = new OpenApiMediaType { Schema = new OpenApiSchema { Type = JsonSchemaType.Object, Description = text + " Schema: " + schemaUrl } };
        operation.Responses["200"] = new OpenApiResponse
        {
            Description = success?.Description ?? "OK",
            Content = new Dictionary<string, OpenApiMediaType> { [mediaType] = body },
        };
        operation.ExternalDocs = new OpenApiExternalDocs { Description = "Schema of the body", Url = new Uri(schemaUrl) };
        foreach (var (status, response) in operation.Responses.Where(r => r.Key is not "200").ToList())
        {
            if (mediaType == "application/fhir+json")
                operation.Responses[status] = new OpenApiResponse
                {
                    Description = response.Description + " (a FHIR OperationOutcome)",
                    Content = new Dictionary<string, OpenApiMediaType> { [mediaType] = new() { Schema = new OpenApiSchema { Type = JsonSchemaType.Object, Description = "FHIR R4 OperationOutcome. Schema: " + schemaUrl } } },
                };
        }
    }

    private static IEnumerable<T> ValuesOf<TKey, T>(IDictionary<TKey, T>? dictionary) => dictionary is null ? [] : dictionary.Values;

    /// <summary>oneOf [null, X] fails when X itself allows null (a nullable enum does): anyOf accepts null once, as meant.</summary>
    private static void AcceptNullOnce(IOpenApiSchema? schema, int depth = 0)
    {
        if (schema is not OpenApiSchema s || depth > 32) return;
        if (s.OneOf is { Count: > 0 } oneOf && oneOf.Any(x => x is OpenApiSchema { Type: JsonSchemaType.Null }))
        {
            s.AnyOf = oneOf;
            s.OneOf = null;
        }
        foreach (var child in ValuesOf(s.Properties).Concat(s.AnyOf ?? []).Concat(s.AllOf ?? []).Concat(s.OneOf ?? []).Append(s.Items).Append(s.AdditionalProperties))
            AcceptNullOnce(child, depth + 1);
    }

}
