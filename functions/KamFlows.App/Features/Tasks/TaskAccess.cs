using System.Security.Claims;
using KamFlows.App.Features.BusinessUnits;
using KamFlows.App.Features.Users;
using KamFlows.App.Security;
using KamFlows.Domain.Organisation;

namespace KamFlows.App.Features.Tasks;

/// <summary>
/// Who may see and hand over a task, in one place: its assignee, an administrator, and the head of
/// KAM of the assignee's business unit. Only the assignee completes it.
/// </summary>
public sealed class TaskAccess(UserDirectory users, BusinessUnitCatalog units)
{
    public async Task<bool> MayManageAsync(ClaimsPrincipal who, WorkTask task, CancellationToken ct)
    {
        var me = who.KamFlowsUserId();
        if (me == task.AssigneeUserId || who.Has(Role.Admin))
        {
            return true;
        }

        if (!who.Has(Role.HeadOfKam) || me is null)
        {
            return false;
        }

        var unit = (await users.FindAsync(task.AssigneeUserId, ct))?.Value.BusinessUnit;
        return unit is not null && (await units.FindAsync(unit, ct))?.Value.HeadOfKamUserId == me;
    }
}
