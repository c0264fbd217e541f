using GatewayApi.Cli.Inputs;
using GatewayApi.Models;
using GatewayApi.Models.Validation;
using GatewayApi.Routing;
using GatewayApi.Routing.Snapshots;
using k8s;
using k8s.Models;

namespace GatewayApi.Cli.Engine;

/// <summary>
/// Runs the status engine on the inputs the way an offline linter should: as the controller of the inputs'
/// GatewayClasses (or of <c>--controller-name</c> only), claiming every v1.6.1 feature, with mesh parents, reporting
/// routes whose Gateway is missing, and with GatewayClasses that Gateways name but the inputs lack assumed to exist.
/// </summary>
internal sealed class OfflineEngine
{
    /// <summary>The controllerName we act as when the inputs define no GatewayClass to take one from.</summary>
    public const string DefaultControllerName = "gwapi.dev/offline-controller";

    /// <summary>The mesh controller name under which Service parents get their entries.</summary>
    public const string MeshControllerName = "gwapi.dev/offline-mesh";

    private OfflineEngine(IReadOnlyList<LoadedManifest> manifests, ResourceSnapshot snapshot, StatusResult status, IReadOnlyList<string> controllerNames, IReadOnlyList<string> notes, IReadOnlyList<string> warnings)
    {
        Manifests = manifests;
        Snapshot = snapshot;
        Status = status;
        ControllerNames = controllerNames;
        Notes = notes;
        Warnings = warnings;
    }

    /// <summary>The objects as read.</summary>
    public IReadOnlyList<LoadedManifest> Manifests { get; }

    /// <summary>The snapshot the status was computed from (defaulted objects, assumed classes and Services).</summary>
    public ResourceSnapshot Snapshot { get; }

    /// <summary>The computed status.</summary>
    public StatusResult Status { get; }

    /// <summary>The controller names acted as.</summary>
    public IReadOnlyList<string> ControllerNames { get; }

    /// <summary>What was assumed (GatewayClasses, Services), one sentence each.</summary>
    public IReadOnlyList<string> Notes { get; }

    /// <summary>Objects the API server would reject, one line each (<c>gwapi validate</c> says why).</summary>
    public IReadOnlyList<string> Warnings { get; }

    /// <summary>Computes the status of the inputs.</summary>
    public static OfflineEngine Run(IReadOnlyList<LoadedManifest> manifests, EngineSettings settings)
    {
        var notes = new List<string>();
        var warnings = new List<string>();
        var objects = new List<IKubernetesObject<V1ObjectMeta>>();
        foreach (var manifest in manifests)
        {
            var value = manifest.Object;
            if (value is GatewayApiObject)
            {
                var result = GatewayApiValidator.Validate(value, settings.Channel);
                var rejected = result.Errors.Count(e => e.Origin != FieldErrorOrigin.Semantic);
                if (rejected > 0)
                {
                    warnings.Add($"{manifest.Source}:{manifest.Line}: {manifest.DisplayName} would be rejected by the API server ({rejected} validation error{(rejected == 1 ? "" : "s")} for the {ChannelName(settings.Channel)} channel; gwapi validate shows them)");
                }

                value = GatewayApiDefaults.ApplyDefaults(value, settings.Channel);
            }

            objects.Add(value);
        }

        var classes = objects.OfType<GatewayClass>().ToList();
        var controllerNames = settings.ControllerName is { } named
            ? [named]
            : classes.Select(c => c.Spec.ControllerName).OfType<string>().Where(n => n.Length > 0).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).DefaultIfEmpty(DefaultControllerName).ToList();

        // Gateways usually name a class the platform installed; linting them needs it, so it is assumed to be ours.
        var classNames = classes.Select(c => c.Metadata?.Name).OfType<string>().ToHashSet(StringComparer.Ordinal);
        foreach (var missing in objects.OfType<Gateway>().Select(g => g.Spec.GatewayClassName).OfType<string>().Where(n => !classNames.Contains(n)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            objects.Add(new GatewayClass
            {
                ApiVersion = GatewayApiGroups.V1,
                Kind = "GatewayClass",
                Metadata = new V1ObjectMeta { Name = missing, Generation = 1 },
                Spec = new GatewayClassSpec { ControllerName = controllerNames[0] },
            });
            notes.Add($"GatewayClass {missing} is not in the inputs; assumed to exist with controllerName {controllerNames[0]}");
        }

        if (settings.AssumeBackends)
        {
            foreach (var service in BackendSynthesizer.Synthesize(manifests))
            {
                objects.Add(service);
                var ports = string.Join(", ", service.Spec.Ports.Select(p => p.Port));
                notes.Add($"Service {service.Metadata.NamespaceProperty}/{service.Metadata.Name} is not in the inputs; assumed to exist (--assume-backends) with port{(service.Spec.Ports.Count == 1 ? "" : "s")} {(ports.Length == 0 ? "none" : ports)}");
            }
        }

        ResourceSnapshot snapshot;
        try
        {
            snapshot = ResourceSnapshot.Create(objects);
        }
        catch (ArgumentException exception)
        {
            throw new CliInputException(exception.Message.Split(" (Parameter", 2)[0], exception);
        }

        var status = GatewayApiStatusEngine.Compute(snapshot, new StatusEngineOptions
        {
            ControllerNames = controllerNames,
            SupportedFeatures = GatewayApiFeatures.All,
            MeshControllerName = MeshControllerName,
            ReportMissingGatewayParents = true,
            SupportsRegularExpressionMatches = true,
            TimeProvider = settings.Now is { } now ? new FixedTimeProvider(now) : TimeProvider.System,
        });

        return new OfflineEngine(manifests, snapshot, status, controllerNames, notes, warnings);
    }

    /// <summary><c>standard</c> or <c>experimental</c>.</summary>
    public static string ChannelName(ReleaseChannel channel) => channel == ReleaseChannel.Experimental ? "experimental" : "standard";

    /// <summary>Finds the input an object came from.</summary>
    public LoadedManifest? Find(string kind, string? @namespace, string name)
        => Manifests.FirstOrDefault(m => m.Object.Kind == kind && m.Object.Metadata?.Name == name && ObjectDisplay.NamespaceOf(m.Object) == @namespace);
}
