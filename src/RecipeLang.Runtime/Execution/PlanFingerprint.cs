using System.Security.Cryptography;
using System.Text;

namespace RecipeLang.Runtime.Execution;

/// <summary>
/// A hash of what a plan does as far as the journal can tell (name, material, profile stamp, steps),
/// so that a journal is never used to resume a different plan.
/// </summary>
public static class PlanFingerprint
{
    public static string Compute(IStepPlan plan)
    {
        var text = new StringBuilder()
            .Append("plan=").Append(plan.Name).Append('\n')
            .Append("material=").Append(plan.Material).Append('\n')
            .Append("profile=").Append(plan.ProfileHash).Append('\n');
        foreach (var step in plan.Steps)
            // The file's name, not the path as typed: resuming with ./a.recipe what a.recipe started is the same plan.
            text.Append("step=").Append(step.Index).Append('|').Append(Path.GetFileName(step.Location.File)).Append(':').Append(step.Location.Line)
                .Append(':').Append(step.Location.Column).Append('|').Append(step.Description).Append('\n');
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
