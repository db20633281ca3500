using Gem.Core;
using Gem.Core.Atlas;
using Gem.Web.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gem.Web.Pages.Atlas;

/// <summary>Create or edit one offer of the staff member's own organisation. Another organisation's offer is "not found".</summary>
[Authorize(Policy = IdentitySetup.StaffPolicy)]
public sealed class EditOfferModel(OfferEditor editor) : PageModel
{
    [BindProperty] public OfferForm Form { get; set; } = new();
    [BindProperty(SupportsGet = true)] public Guid? PartnerId { get; set; }
    public Guid? OfferId { get; private set; }
    public Dictionary<string, string[]> Errors { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid? id, CancellationToken ct)
    {
        var actor = User.ToActor();
        if (id is { } offerId)
        {
            try
            {
                var offer = await editor.FindOwnAsync(actor, offerId, ct);
                OfferId = offer.Id;
                Form = OfferForm.From(OfferInput.From(offer));
            }
            catch (NotFoundException)
            {
                return NotFound();
            }
        }
        else
        {
            PartnerId ??= actor.PartnerId;
            if (PartnerId is null || !actor.MayManage(PartnerId.Value)) return NotFound();
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, CancellationToken ct)
    {
        var actor = User.ToActor();
        try
        {
            if (id is { } offerId)
            {
                OfferId = offerId;
                await editor.UpdateAsync(actor, offerId, Form.ToInput(), ct);
            }
            else
            {
                var partnerId = PartnerId ?? actor.PartnerId;
                if (partnerId is null || !actor.MayManage(partnerId.Value)) return NotFound();
                OfferId = (await editor.CreateAsync(actor, partnerId.Value, Form.ToInput(), ct)).Id;
            }
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
        catch (ForbiddenException)
        {
            return NotFound();
        }
        catch (ValidationException e)
        {
            Errors = new Dictionary<string, string[]>(e.Errors);
            return Page();
        }
        return Redirect($"/partner?saved={OfferId}"); // the list says it was saved
    }
}

/// <summary>The form's shape: flags as checkbox lists, everything else as in <see cref="OfferInput"/>.</summary>
public sealed class OfferForm
{
    public string Name { get; set; } = "";
    public string Description { get; set; } = "";
    public OfferFormat Format { get; set; } = OfferFormat.Group;
    public List<LifeDomains> LifeDomains { get; set; } = [];
    public List<Dimensions> Dimensions { get; set; } = [];
    public List<FacilitatorRoles> Facilitators { get; set; } = [];
    public int? Capacity { get; set; }
    public FlowPolicy FlowPolicy { get; set; } = FlowPolicy.Rolling;
    public Funding Funding { get; set; } = Funding.Free;
    public decimal? CostEuros { get; set; }
    public Access Access { get; set; } = Access.NoReferral;
    public bool IsOnline { get; set; }
    public string? OnlineUrl { get; set; }
    public string? Address { get; set; }
    public string? Pc4 { get; set; }
    public string? City { get; set; }
    public string Languages { get; set; } = "nl";
    public string? Accessibility { get; set; }
    public string? ContactEmail { get; set; }
    public string? ContactPhone { get; set; }

    public OfferInput ToInput() => new()
    {
        Name = Name, Description = Description ?? "", Format = Format,
        LifeDomains = LifeDomains.Aggregate(Core.Atlas.LifeDomains.None, (a, d) => a | d),
        Dimensions = Dimensions.Aggregate(Core.Atlas.Dimensions.None, (a, d) => a | d),
        Facilitators = Facilitators.Aggregate(FacilitatorRoles.None, (a, d) => a | d),
        Capacity = Capacity, FlowPolicy = FlowPolicy, Funding = Funding, CostEuros = CostEuros, Access = Access,
        IsOnline = IsOnline, OnlineUrl = OnlineUrl, Address = Address, Pc4 = Pc4, City = City, Languages = Languages ?? "",
        Accessibility = Accessibility, ContactEmail = ContactEmail, ContactPhone = ContactPhone,
    };

    public static OfferForm From(OfferInput i) => new()
    {
        Name = i.Name, Description = i.Description, Format = i.Format,
        LifeDomains = i.LifeDomains.Each().ToList(), Dimensions = i.Dimensions.Each().ToList(), Facilitators = i.Facilitators.Each().ToList(),
        Capacity = i.Capacity, FlowPolicy = i.FlowPolicy, Funding = i.Funding, CostEuros = i.CostEuros, Access = i.Access,
        IsOnline = i.IsOnline, OnlineUrl = i.OnlineUrl, Address = i.Address, Pc4 = i.Pc4, City = i.City, Languages = i.Languages,
        Accessibility = i.Accessibility, ContactEmail = i.ContactEmail, ContactPhone = i.ContactPhone,
    };
}
