namespace GatewayApi.Models.Validation.Rules;

/// <summary>GatewayClass and XMesh rules (validation digest §4.1).</summary>
internal static partial class CelRules
{
    /// <summary><c>self == oldSelf</c> on <c>spec.controllerName</c>: a transition rule.</summary>
    public static readonly CelRule R1 = new("R1", "Value is immutable", c => Cel.Equal(c.Self, c.OldSelf)) { IsTransition = true };
}
