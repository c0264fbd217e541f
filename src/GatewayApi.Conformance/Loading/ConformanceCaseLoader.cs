using System.Reflection;
using System.Text.RegularExpressions;
using GatewayApi.Conformance.Definitions;
using GatewayApi.Conformance.Features;
using GatewayApi.Conformance.Profiles;
using GatewayApi.Models.Serialization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace GatewayApi.Conformance.Loading;

/// <summary>
/// Reads case files (the format is described in <c>docs/conformance.md</c>). Every mistake in a case file is a
/// <see cref="CaseFileException"/> naming the file, line, column and field; unknown fields are errors too, so a
/// misspelt expectation can never pass silently.
/// </summary>
public static partial class ConformanceCaseLoader
{
    /// <summary>The prefix of the embedded case resources.</summary>
    internal const string ResourcePrefix = "GatewayApi.Conformance/";

    private static readonly string[] TopLevelKeys =
        ["name", "description", "spec", "features", "profiles", "provisional", "live", "liveReason", "base", "timeout", "manifests", "status", "requests"];

    /// <summary>Reads one case from the text of a case file.</summary>
    /// <param name="text">The YAML text.</param>
    /// <param name="source">The file's name, used in errors.</param>
    /// <exception cref="CaseFileException">The file is malformed.</exception>
    public static ConformanceCase Parse(string text, string source)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(source);
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException exception)
        {
            throw new CaseFileException(source, (int)exception.Start.Line, (int)exception.Start.Column, "", "invalid YAML: " + exception.Message, exception);
        }

        if (stream.Documents.Count != 1)
        {
            throw new CaseFileException(source, 0, 0, "", $"a case file holds exactly one YAML document, found {stream.Documents.Count}");
        }

        return ReadCase(new CaseNode(source, stream.Documents[0].RootNode, ""), source);
    }

    /// <summary>Reads one case file from disk.</summary>
    /// <param name="path">The file's path.</param>
    /// <exception cref="CaseFileException">The file cannot be read or is malformed.</exception>
    public static ConformanceCase ParseFile(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new CaseFileException(path, 0, 0, "", "cannot read the file: " + exception.Message, exception);
        }

        return Parse(text, path);
    }

    /// <summary>Reads every case shipped inside this package (embedded <c>Cases/**/*.yaml</c>, except the shared base manifests).</summary>
    public static CaseLoadResult LoadEmbedded()
    {
        var assembly = typeof(ConformanceCaseLoader).Assembly;
        var files = assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(ResourcePrefix, StringComparison.Ordinal) && !name.StartsWith(ResourcePrefix + "base/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(name => (Source: "Cases/" + name[ResourcePrefix.Length..], Text: ReadResource(assembly, name)));
        return LoadAll(files);
    }

    /// <summary>Reads every <c>*.yaml</c> case file under a directory (recursively; a <c>base</c> folder is skipped).</summary>
    /// <param name="directory">The directory.</param>
    public static CaseLoadResult LoadDirectory(string directory)
    {
        var files = Directory.EnumerateFiles(directory, "*.yaml", SearchOption.AllDirectories)
            .Where(path => !Path.GetRelativePath(directory, path).Replace('\\', '/').StartsWith("base/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(path => (Source: path, Text: File.ReadAllText(path)));
        return LoadAll(files);
    }

    /// <summary>Reads several case files, collecting every error (including two cases with one name).</summary>
    /// <param name="files">The files: a source name and the text of each.</param>
    public static CaseLoadResult LoadAll(IEnumerable<(string Source, string Text)> files)
    {
        var cases = new List<ConformanceCase>();
        var errors = new List<CaseFileException>();
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (source, text) in files)
        {
            try
            {
                var loaded = Parse(text, source);
                if (names.TryGetValue(loaded.Name, out var first))
                {
                    errors.Add(new CaseFileException(source, 0, 0, "name", $"the case name '{loaded.Name}' is already used by {first}"));
                    continue;
                }

                names[loaded.Name] = source;
                cases.Add(loaded);
            }
            catch (CaseFileException exception)
            {
                errors.Add(exception);
            }
        }

        return new CaseLoadResult(cases.OrderBy(item => item.Name, StringComparer.Ordinal).ToArray(), errors);
    }

    internal static string ReadResource(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name) ?? throw new InvalidOperationException($"The resource {name} is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static ConformanceCase ReadCase(CaseNode root, string source)
    {
        var map = root.AsMapping(TopLevelKeys);
        var nameNode = map.Required("name");
        var name = nameNode.AsNonEmptyString();
        if (!CaseName().IsMatch(name))
        {
            throw nameNode.Error($"'{name}' is not a case name: use PascalCase letters and digits, like upstream's ShortNames (e.g. HTTPRouteExactPathMatching)");
        }

        var description = map.Required("description").AsNonEmptyString().Trim();
        var featuresNode = map.Required("features");
        var features = featuresNode.AsStringList();
        if (features.Count == 0)
        {
            throw featuresNode.Error("a case needs at least one feature");
        }

        foreach (var (feature, index) in features.Select((feature, index) => (feature, index)))
        {
            if (!ConformanceFeatures.IsKnown(feature))
            {
                var close = ConformanceFeatures.All.FirstOrDefault(known => string.Equals(known.Name, feature, StringComparison.OrdinalIgnoreCase));
                throw featuresNode.Error($"'{feature}' (item {index}) is not a Gateway API v1.6.1 feature name" + (close is null ? "" : $"; did you mean '{close.Name}'?"));
            }
        }

        var declaredProfiles = map.Optional("profiles")?.AsStringList() ?? [];
        foreach (var profileName in declaredProfiles)
        {
            var profile = ConformanceProfiles.Find(profileName)
                ?? throw map.Required("profiles").Error($"'{profileName}' is not a conformance profile (known: {string.Join(", ", ConformanceProfiles.All.Select(item => item.Name))})");
            var missing = features.Where(feature => !profile.CoreFeatures.Contains(feature) && !profile.ExtendedFeatures.Contains(feature)).ToArray();
            if (missing.Length > 0)
            {
                throw map.Required("profiles").Error($"the case cannot count in {profileName}: its features {string.Join(", ", missing)} are not in that profile");
            }
        }

        var provisional = map.Optional("provisional")?.AsBool() ?? false;
        var live = map.Optional("live")?.AsBool() ?? false;
        var liveReason = map.Optional("liveReason")?.AsNonEmptyString();
        if (live && liveReason is null)
        {
            throw map.Required("live").Error("a case that needs a live network must say why in 'liveReason'");
        }

        var baseManifests = map.Optional("base") is { } baseNode
            ? baseNode.AsString() switch
            {
                "gateway" => BaseManifests.Gateway,
                "mesh" => BaseManifests.Mesh,
                "none" => BaseManifests.None,
                var other => throw baseNode.Error($"unknown base '{other}' (expected gateway, mesh or none)"),
            }
            : BaseManifests.Gateway;
        var defaults = new Defaults(baseManifests == BaseManifests.Mesh ? SharedNames.MeshNamespace : SharedNames.InfraNamespace);

        string? manifests = null;
        var manifestsLine = 0;
        if (map.Optional("manifests") is { } manifestsNode)
        {
            manifests = manifestsNode.AsString();
            // A block scalar's content starts on the line after its indicator.
            manifestsLine = manifestsNode.Line + (((YamlScalarNode)manifestsNode.Node).Style is ScalarStyle.Literal or ScalarStyle.Folded ? 1 : 0);
            CheckManifests(manifests, source, manifestsNode, manifestsLine);
        }

        var status = map.Optional("status") is { } statusNode ? ReadStatus(statusNode, defaults) : StatusExpectations.None;
        var requests = map.Optional("requests") is { } requestsNode
            ? requestsNode.AsSequence().Select((item, index) => ReadRequest(item, index, defaults)).ToArray()
            : [];
        if (status.IsEmpty && requests.Length == 0)
        {
            throw root.Error("a case must expect something: give 'status', 'requests' or both");
        }

        var timeout = map.Optional("timeout")?.AsDuration();
        return new ConformanceCase(
            name, description, source, features, declaredProfiles, provisional, live, liveReason, baseManifests,
            manifests, manifestsLine, map.Optional("spec")?.AsNonEmptyString(), timeout, status, requests);
    }

    private static void CheckManifests(string manifests, string source, CaseNode node, int firstLine)
    {
        try
        {
            ManifestReader.Read(manifests, source);
        }
        catch (ManifestException exception)
        {
            var line = exception.Location.Line is { } relative ? firstLine + relative - 1 : node.Line;
            var field = exception.FieldPath is null ? "manifests" : "manifests: " + exception.FieldPath;
            throw new CaseFileException(source, line, exception.Location.Column ?? 0, field,
                $"document {exception.Location.DocumentIndex}: {exception.Detail}", exception);
        }
    }

    private static StatusExpectations ReadStatus(CaseNode node, Defaults defaults)
    {
        var map = node.AsMapping("gatewayClasses", "gateways", "listenerSets", "routes", "backendTLSPolicies");
        var classes = map.Optional("gatewayClasses")?.AsSequence().Select(item =>
        {
            var entry = item.AsMapping("name", "conditions");
            return new GatewayClassExpectation(entry.Required("name").AsNonEmptyString(), ReadConditions(entry.Optional("conditions")));
        }).ToArray() ?? [];
        var gateways = map.Optional("gateways")?.AsSequence().Select(item => ReadGateway(item, defaults)).ToArray() ?? [];
        var listenerSets = map.Optional("listenerSets")?.AsSequence().Select(item => ReadGateway(item, defaults)).ToArray() ?? [];
        var routes = map.Optional("routes")?.AsSequence().Select(item =>
        {
            var entry = item.AsMapping("kind", "name", "namespace", "parents", "noAcceptedParents");
            var kindNode = entry.Required("kind");
            var kind = kindNode.AsNonEmptyString();
            if (kind is not ("HTTPRoute" or "GRPCRoute" or "TLSRoute" or "TCPRoute" or "UDPRoute"))
            {
                throw kindNode.Error($"'{kind}' is not a route kind (expected HTTPRoute, GRPCRoute, TLSRoute, TCPRoute or UDPRoute)");
            }

            var routeNamespace = entry.Optional("namespace")?.AsNonEmptyString() ?? defaults.Namespace;
            var parents = entry.Optional("parents")?.AsSequence().Select(parentNode => ReadParent(parentNode, "parentRef", routeNamespace)).ToArray() ?? [];
            var noAccepted = entry.Optional("noAcceptedParents")?.AsBool() ?? false;
            if (parents.Length == 0 && !noAccepted)
            {
                throw item.Error("a route expectation needs 'parents' or 'noAcceptedParents: true'");
            }

            return new RouteExpectation(kind, routeNamespace, entry.Required("name").AsNonEmptyString(), parents, noAccepted);
        }).ToArray() ?? [];
        var policies = map.Optional("backendTLSPolicies")?.AsSequence().Select(item =>
        {
            var entry = item.AsMapping("name", "namespace", "ancestors");
            var policyNamespace = entry.Optional("namespace")?.AsNonEmptyString() ?? defaults.Namespace;
            return new PolicyExpectation(
                policyNamespace,
                entry.Required("name").AsNonEmptyString(),
                entry.Required("ancestors").AsSequence().Select(ancestor => ReadParent(ancestor, "ancestorRef", policyNamespace)).ToArray());
        }).ToArray() ?? [];
        return new StatusExpectations(classes, gateways, routes) { ListenerSets = listenerSets, BackendTlsPolicies = policies };
    }

    private static RouteParentExpectation ReadParent(CaseNode node, string referenceKey, string defaultNamespace)
    {
        var parent = node.AsMapping(referenceKey, "conditions");
        var reference = parent.Required(referenceKey).AsMapping("group", "kind", "namespace", "name", "sectionName", "port");
        var parentKind = reference.Optional("kind")?.AsNonEmptyString() ?? "Gateway";
        var group = reference.Optional("group")?.AsString() ?? (parentKind == "Service" ? "" : "gateway.networking.k8s.io");
        return new RouteParentExpectation(
            group,
            parentKind,
            reference.Optional("namespace")?.AsNonEmptyString() ?? defaultNamespace,
            reference.Required("name").AsNonEmptyString(),
            reference.Optional("sectionName")?.AsNonEmptyString(),
            reference.Optional("port")?.AsInt(1, 65535),
            ReadConditions(parent.Optional("conditions")));
    }

    private static GatewayExpectation ReadGateway(CaseNode item, Defaults defaults)
    {
        var entry = item.AsMapping("name", "namespace", "conditions", "listenerCount", "listeners");
        var listeners = entry.Optional("listeners")?.AsSequence().Select(listenerNode =>
        {
            var listener = listenerNode.AsMapping("name", "attachedRoutes", "supportedKinds", "conditions");
            IReadOnlyList<string>? kinds = listener.Optional("supportedKinds") is { } kindsNode
                ? kindsNode.AsSequence().Select(kind => kind.AsNonEmptyString()).ToArray()
                : null;
            return new ListenerExpectation(
                listener.Required("name").AsNonEmptyString(),
                listener.Optional("attachedRoutes")?.AsInt(0),
                kinds,
                ReadConditions(listener.Optional("conditions")));
        }).ToArray() ?? [];
        return new GatewayExpectation(
            entry.Optional("namespace")?.AsNonEmptyString() ?? defaults.Namespace,
            entry.Required("name").AsNonEmptyString(),
            ReadConditions(entry.Optional("conditions")),
            entry.Optional("listenerCount")?.AsInt(0),
            listeners);
    }

    private static ConditionExpectation[] ReadConditions(CaseNode? node) =>
        node?.AsSequence().Select(item =>
        {
            var entry = item.AsMapping("type", "status", "reason");
            var statusNode = entry.Optional("status");
            var status = statusNode?.AsString();
            if (status is not null and not ("True" or "False" or "Unknown"))
            {
                throw statusNode!.Error($"condition status must be True, False or Unknown (quote it: \"True\"), found '{status}'");
            }

            return new ConditionExpectation(entry.Required("type").AsNonEmptyString(), status, entry.Optional("reason")?.AsNonEmptyString());
        }).ToArray() ?? [];

    private static RequestCase ReadRequest(CaseNode node, int index, Defaults defaults)
    {
        var map = node.AsMapping(
            "name", "gateway", "gatewayNamespace", "mesh", "protocol", "port", "host", "sni", "method", "path", "headers",
            "grpc", "backendResponseHeaders", "backendDelay", "repeat", "expect");
        var hasGateway = map.Has("gateway");
        var hasMesh = map.Has("mesh");
        if (hasGateway == hasMesh)
        {
            throw node.Error("a request goes either through a 'gateway' or from a 'mesh' client (give exactly one)");
        }

        GrpcMethod? grpc = null;
        if (map.Optional("grpc") is { } grpcNode)
        {
            var grpcMap = grpcNode.AsMapping("service", "method");
            grpc = new GrpcMethod(grpcMap.Required("service").AsNonEmptyString(), grpcMap.Required("method").AsNonEmptyString());
        }

        var protocol = map.Optional("protocol") is { } protocolNode
            ? protocolNode.AsString() switch
            {
                "HTTP" => RequestProtocol.Http,
                "HTTPS" => RequestProtocol.Https,
                "GRPC" => RequestProtocol.Grpc,
                "TLS" => RequestProtocol.Tls,
                var other => throw protocolNode.Error($"unknown protocol '{other}' (expected HTTP, HTTPS, GRPC or TLS)"),
            }
            : grpc is not null ? RequestProtocol.Grpc : RequestProtocol.Http;
        if (protocol == RequestProtocol.Grpc && grpc is null)
        {
            throw node.Error("a GRPC request needs 'grpc: {service, method}'");
        }

        if (grpc is not null && protocol != RequestProtocol.Grpc)
        {
            throw map.Required("grpc").Error("'grpc' is only for GRPC requests");
        }

        if (grpc is not null && map.Has("path"))
        {
            throw map.Required("path").Error("a GRPC request takes its path from 'grpc' (service and method); remove 'path'");
        }

        if (hasMesh && protocol is RequestProtocol.Https or RequestProtocol.Tls)
        {
            throw map.Required("protocol").Error("mesh requests are HTTP or GRPC");
        }

        GatewayTarget? gateway = null;
        MeshTarget? mesh = null;
        if (hasGateway)
        {
            gateway = new GatewayTarget(
                map.Optional("gatewayNamespace")?.AsNonEmptyString() ?? SharedNames.InfraNamespace,
                map.Required("gateway").AsNonEmptyString());
        }
        else
        {
            var meshMap = map.Required("mesh").AsMapping("from", "service", "namespace");
            mesh = new MeshTarget(
                meshMap.Optional("from")?.AsNonEmptyString() ?? SharedNames.MeshNamespace,
                meshMap.Optional("namespace")?.AsNonEmptyString() ?? SharedNames.MeshNamespace,
                meshMap.Required("service").AsNonEmptyString());
        }

        var defaultPort = protocol is RequestProtocol.Https or RequestProtocol.Tls ? 443 : 80;
        var repeatDefault = 1;
        var expectNode = map.Required("expect");
        var backendNamespace = hasMesh ? mesh!.ServiceNamespace : SharedNames.InfraNamespace;
        var expect = ReadExpectation(expectNode, protocol, backendNamespace);
        if (expect.Weights is not null || expect.MirrorRatio is not null)
        {
            repeatDefault = 500;
        }

        var repeat = map.Optional("repeat")?.AsInt(1, 100_000) ?? repeatDefault;
        if ((expect.Weights is not null || expect.MirrorRatio is not null) && repeat < 20)
        {
            throw map.Required("repeat").Error("weights and mirror ratios need at least 20 repeated requests");
        }

        var path = grpc?.Path ?? map.Optional("path")?.AsNonEmptyString() ?? "/";
        if (!path.StartsWith('/'))
        {
            throw map.Required("path").Error($"the path must start with '/', found '{path}'");
        }

        return new RequestCase
        {
            Name = map.Optional("name")?.AsNonEmptyString() ?? "#" + (index + 1),
            Protocol = protocol,
            Gateway = gateway,
            Mesh = mesh,
            Port = map.Optional("port")?.AsInt(1, 65535) ?? defaultPort,
            Host = map.Optional("host")?.AsNonEmptyString(),
            ServerName = map.Optional("sni")?.AsNonEmptyString(),
            Method = protocol == RequestProtocol.Grpc ? "POST" : map.Optional("method")?.AsNonEmptyString() ?? "GET",
            Path = path,
            Headers = ReadHeaders(map.Optional("headers")),
            Grpc = grpc,
            BackendResponseHeaders = ReadHeaders(map.Optional("backendResponseHeaders")),
            BackendDelay = map.Optional("backendDelay")?.AsDuration(),
            Repeat = repeat,
            Expect = expect,
            Line = node.Line,
        };
    }

    private static ResponseExpectation ReadExpectation(CaseNode node, RequestProtocol protocol, string backendNamespace)
    {
        var map = node.AsMapping(
            "statusCode", "backend", "backendRequest", "responseHeaders", "absentResponseHeaders", "redirect", "mirroredTo",
            "weights", "mirrorRatio", "tolerance", "grpcStatus", "rejected");
        IReadOnlyList<int>? codes = map.Optional("statusCode") is { } codeNode
            ? codeNode.Node is YamlSequenceNode
                ? codeNode.AsSequence().Select(item => item.AsInt(100, 599)).ToArray()
                : [codeNode.AsInt(100, 599)]
            : null;
        RedirectExpectation? redirect = null;
        if (map.Optional("redirect") is { } redirectNode)
        {
            var redirectMap = redirectNode.AsMapping("scheme", "host", "port", "path");
            redirect = new RedirectExpectation
            {
                Scheme = redirectMap.Optional("scheme")?.AsNonEmptyString(),
                Host = redirectMap.Optional("host")?.AsNonEmptyString(),
                Port = redirectMap.Optional("port")?.AsInt(1, 65535),
                Path = redirectMap.Optional("path")?.AsNonEmptyString(),
            };
            codes ??= [302];
            if (codes.Any(code => code is < 300 or > 399))
            {
                throw map.Required("statusCode").Error("a redirect expectation needs 3xx status codes");
            }
        }

        BackendRequestExpectation? backendRequest = null;
        if (map.Optional("backendRequest") is { } requestNode)
        {
            var requestMap = requestNode.AsMapping("method", "host", "path", "headers", "absentHeaders");
            backendRequest = new BackendRequestExpectation
            {
                Method = requestMap.Optional("method")?.AsNonEmptyString(),
                Host = requestMap.Optional("host")?.AsNonEmptyString(),
                Path = requestMap.Optional("path")?.AsNonEmptyString(),
                Headers = ReadHeaders(requestMap.Optional("headers")),
                AbsentHeaders = requestMap.Optional("absentHeaders")?.AsStringList() ?? [],
            };
        }

        IReadOnlyList<KeyValuePair<BackendName, double>>? weights = null;
        if (map.Optional("weights") is { } weightsNode)
        {
            var weightsMap = weightsNode.Node as YamlMappingNode ?? throw weightsNode.Error("expected a mapping of backend to expected share");
            var list = new List<KeyValuePair<BackendName, double>>();
            foreach (var (key, value) in weightsMap.Children)
            {
                var backendText = (key as YamlScalarNode)?.Value;
                if (string.IsNullOrEmpty(backendText))
                {
                    throw new CaseNode(weightsNode.Source, key, weightsNode.Path).Error("weights are keyed by backend Service name");
                }

                var share = new CaseNode(weightsNode.Source, value, weightsNode.Path + "." + backendText).AsDouble(0, 1);
                list.Add(new(ParseBackendName(backendText, backendNamespace), share));
            }

            var sum = list.Sum(item => item.Value);
            if (Math.Abs(sum - 1) > 0.001)
            {
                throw weightsNode.Error($"the expected shares add up to {sum:0.###}, not 1");
            }

            weights = list;
        }

        var grpcStatus = map.Optional("grpcStatus")?.AsNonEmptyString();
        if (grpcStatus is not null && protocol != RequestProtocol.Grpc)
        {
            throw map.Required("grpcStatus").Error("'grpcStatus' is only for GRPC requests");
        }

        var rejected = map.Optional("rejected")?.AsBool();
        if (rejected is not null && protocol != RequestProtocol.Tls)
        {
            throw map.Required("rejected").Error("'rejected' is only for TLS requests");
        }

        if (codes is not null && protocol is RequestProtocol.Grpc or RequestProtocol.Tls)
        {
            throw map.Required("statusCode").Error("GRPC and TLS requests are checked with 'grpcStatus' / 'rejected', not 'statusCode'");
        }

        return new ResponseExpectation
        {
            StatusCodes = codes ?? (protocol is RequestProtocol.Http or RequestProtocol.Https ? [200] : null),
            Backend = map.Optional("backend") is { } backendNode ? ParseBackendName(backendNode.AsNonEmptyString(), backendNamespace) : null,
            BackendRequest = backendRequest,
            ResponseHeaders = ReadHeaders(map.Optional("responseHeaders")),
            AbsentResponseHeaders = map.Optional("absentResponseHeaders")?.AsStringList() ?? [],
            Redirect = redirect,
            MirroredTo = map.Optional("mirroredTo") is { } mirrors
                ? mirrors.AsSequence().Select(item => ParseBackendName(item.AsNonEmptyString(), backendNamespace)).ToArray()
                : null,
            Weights = weights,
            MirrorRatio = map.Optional("mirrorRatio")?.AsDouble(0, 1),
            Tolerance = map.Optional("tolerance")?.AsDouble(0, 1) ?? 0.05,
            GrpcStatus = protocol == RequestProtocol.Grpc ? grpcStatus ?? "OK" : null,
            Rejected = protocol == RequestProtocol.Tls ? rejected ?? false : null,
            Line = node.Line,
        };
    }

    private static BackendName ParseBackendName(string text, string defaultNamespace)
    {
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 ? new BackendName(defaultNamespace, text) : new BackendName(text[..slash], text[(slash + 1)..]);
    }

    private static KeyValuePair<string, string>[] ReadHeaders(CaseNode? node)
    {
        if (node is null)
        {
            return [];
        }

        if (node.Node is YamlMappingNode mapping)
        {
            return mapping.Children.Select(entry =>
            {
                var name = (entry.Key as YamlScalarNode)?.Value;
                if (string.IsNullOrEmpty(name))
                {
                    throw node.Error("header names must be non-empty strings");
                }

                return new KeyValuePair<string, string>(name, new CaseNode(node.Source, entry.Value, node.Path + "." + name).AsString());
            }).ToArray();
        }

        // A list of {name, value} keeps repeated names and order.
        return node.AsSequence().Select(item =>
        {
            var entry = item.AsMapping("name", "value");
            return new KeyValuePair<string, string>(entry.Required("name").AsNonEmptyString(), entry.Required("value").AsString());
        }).ToArray();
    }

    [GeneratedRegex("^[A-Z][A-Za-z0-9]*$")]
    private static partial Regex CaseName();

    private sealed record Defaults(string Namespace);
}
