using System.Text;

namespace GatewayApi.Routing.Explanation;

/// <summary>How one route fared with every parent of ours it names.</summary>
public sealed record RouteAttachmentExplanation
{
    /// <summary>The route, for example <c>HTTPRoute app/web</c>.</summary>
    public required string Route { get; init; }

    /// <summary>One entry per parentRef of ours (and per default Gateway that claimed the route), in spec order.</summary>
    public required IReadOnlyList<ParentAttachmentExplanation> Parents { get; init; }

    /// <summary>The explanation as indented text, one line per parent and listener.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append(Route).Append('\n');
        foreach (var parent in Parents)
        {
            text.Append("  ").Append(parent.Parent).Append(": ").Append(parent.Summary).Append('\n');
            foreach (var listener in parent.Listeners)
            {
                text.Append("    - ").Append(listener.Sentence).Append('\n');
            }
        }

        return text.ToString();
    }
}

/// <summary>How a route fared with one parent.</summary>
public sealed record ParentAttachmentExplanation
{
    /// <summary>The parent, for example <c>Gateway infra/gw</c>, with the parentRef's section or port when it names one.</summary>
    public required string Parent { get; init; }

    /// <summary>Whether the parent accepted the route (its <c>Accepted</c> condition).</summary>
    public required bool Accepted { get; init; }

    /// <summary>The <c>Accepted</c> condition's reason.</summary>
    public required string Reason { get; init; }

    /// <summary>One or two sentences: the verdict and what to change.</summary>
    public required string Summary { get; init; }

    /// <summary>One entry per listener of the parent.</summary>
    public required IReadOnlyList<ListenerAttachmentExplanation> Listeners { get; init; }
}

/// <summary>How a route fared with one listener.</summary>
public sealed record ListenerAttachmentExplanation
{
    /// <summary>The listener's name.</summary>
    public required string Listener { get; init; }

    /// <summary>Whether the route is attached to it.</summary>
    public required bool Attached { get; init; }

    /// <summary>Why, in one sentence.</summary>
    public required string Sentence { get; init; }
}
