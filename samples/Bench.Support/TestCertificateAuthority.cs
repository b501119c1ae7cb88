using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace MicroPrompt.Bench.Support;

/// <summary>A throw-away certificate authority (ECDSA P-256) that issues server and client certificates at run time.</summary>
internal sealed class TestCertificateAuthority : IDisposable
{
    private static readonly Oid ServerAuth = new("1.3.6.1.5.5.7.3.1");
    private static readonly Oid ClientAuth = new("1.3.6.1.5.5.7.3.2");

    public TestCertificateAuthority(string name)
        : this(new X500DistinguishedName($"CN={name}, O=MicroPrompt Bench"), null)
    {
    }

    private TestCertificateAuthority(X500DistinguishedName subject, X509SubjectKeyIdentifierExtension? keyIdentifier)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(keyIdentifier ?? new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        var now = DateTimeOffset.UtcNow;
        Certificate = request.CreateSelfSigned(now.AddMinutes(-5), now.AddDays(1));
    }

    /// <summary>
    /// A CA that looks like <paramref name="real"/> to anything but a signature check: the same subject name and the same
    /// subject key identifier (so its certificates name the real CA as issuer, by name and by key id), another key.
    /// </summary>
    public static TestCertificateAuthority Lookalike(TestCertificateAuthority real)
    {
        var keyIdentifier = real.Certificate.Extensions.OfType<X509SubjectKeyIdentifierExtension>().Single();
        return new TestCertificateAuthority(real.Certificate.SubjectName, new X509SubjectKeyIdentifierExtension(keyIdentifier.SubjectKeyIdentifier!, false));
    }

    /// <summary>The CA certificate with its private key.</summary>
    public X509Certificate2 Certificate { get; }

    /// <summary>A server certificate for 127.0.0.1 and localhost.</summary>
    public X509Certificate2 IssueServer()
    {
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddDnsName("localhost");
        return Issue("CN=localhost", ServerAuth, names.Build(), X509KeyUsageFlags.DigitalSignature);
    }

    public X509Certificate2 IssueClient(string commonName)
        => Issue($"CN={commonName}", ClientAuth, null, X509KeyUsageFlags.DigitalSignature);

    /// <summary>Whether the certificate chains to this CA for the given purpose (no revocation lists: none are published).</summary>
    public bool Validates(X509Certificate2 certificate, bool client)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(Certificate);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.ApplicationPolicy.Add(client ? ClientAuth : ServerAuth);
        return chain.Build(certificate);
    }

    public void Dispose() => Certificate.Dispose();

    private X509Certificate2 Issue(string subject, Oid usage, X509Extension? alternativeNames, X509KeyUsageFlags keyUsage)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(keyUsage, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([usage], false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(Certificate, true, false));
        if (alternativeNames is not null)
        {
            request.CertificateExtensions.Add(alternativeNames);
        }

        // Within the CA's validity (stored to the second, so taken from the CA certificate itself).
        var notBefore = new DateTimeOffset(Certificate.NotBefore.ToUniversalTime(), TimeSpan.Zero);
        var notAfter = new DateTimeOffset(Certificate.NotAfter.ToUniversalTime(), TimeSpan.Zero).AddMinutes(-1);
        using var issued = request.Create(Certificate, notBefore, notAfter, RandomNumberGenerator.GetBytes(12));
        return issued.CopyWithPrivateKey(key);
    }
}
