# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Throw-away test PKI, made at run time (no private key is ever committed); prints it as JSON.

ca_cert/ca_key: a self-signed CA; cert_a/key_a: RSA, signed by the CA; cert_b/key_b: ECDSA P-256, signed by
the CA; public_a, public_b: the public halves of key_a and key_b; ca_digest: sha256 hex of the CA certificate's
DER (Kong's cert_digest). Runs with the controller's Python, whose ansible-core always brings ``cryptography``.
"""

from __future__ import annotations

import datetime
import hashlib
import json

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.x509.oid import NameOID


def pem_key(key):
    return key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                             serialization.NoEncryption()).decode()


def pem_public(key):
    return key.public_key().public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo).decode()


def certificate(common_name, key, issuer_name=None, issuer_key=None, ca=False):
    now = datetime.datetime.now(datetime.timezone.utc)
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common_name)])
    builder = (x509.CertificateBuilder().subject_name(subject).issuer_name(issuer_name or subject)
               .public_key(key.public_key()).serial_number(x509.random_serial_number())
               .not_valid_before(now - datetime.timedelta(minutes=5)).not_valid_after(now + datetime.timedelta(days=2))
               .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True))
    if not ca:
        builder = builder.add_extension(x509.SubjectAlternativeName([x509.DNSName(common_name)]), critical=False)
    return builder.sign(issuer_key or key, hashes.SHA256())


def main():
    ca_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    ca = certificate('konnect-it-ca', ca_key, ca=True)
    key_a = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    key_b = ec.generate_private_key(ec.SECP256R1())
    cert_a = certificate('a.it.example.com', key_a, ca.subject, ca_key)
    cert_b = certificate('b.it.example.com', key_b, ca.subject, ca_key)
    print(json.dumps({
        'ca_cert': ca.public_bytes(serialization.Encoding.PEM).decode(),
        'ca_key': pem_key(ca_key),
        'ca_digest': hashlib.sha256(ca.public_bytes(serialization.Encoding.DER)).hexdigest(),
        'cert_a': cert_a.public_bytes(serialization.Encoding.PEM).decode(),
        'key_a': pem_key(key_a),
        'public_a': pem_public(key_a),
        'cert_b': cert_b.public_bytes(serialization.Encoding.PEM).decode(),
        'key_b': pem_key(key_b),
        'public_b': pem_public(key_b),
    }))


if __name__ == '__main__':
    main()
