// Package signature checks a PDF that came back from the unit's signing
// tool (the principal's USB token and the CA's software, or the ward's
// e-document system) against the version baocao issued, without holding
// anyone's key.
//
// A signing tool signs by an incremental update: the signed file is the
// issued bytes, unchanged, followed by one revision per signature. Verify
// accepts a file only when
//   - it starts with exactly the issued PDF's bytes;
//   - it has at least one signature dictionary, and each one's /ByteRange
//     is [0 a b c]: everything from the start of the file to the end of its
//     revision except its own /Contents hex string;
//   - the CMS (PKCS#7) signature of each verifies over those bytes;
//   - the last signature's revision ends at the end of the file: nothing
//     follows the last signed revision, and every revision after the issued
//     bytes belongs to a signature;
//   - it is no larger than the size limit.
//
// It reads each signer's certificate (subject, issuer, serial, validity)
// and the signing time. Trust in the certificate chain is the CA's
// business: the issuer is shown, not judged; when trusted roots are given
// it also says whether the chain reaches one.
//
// Every refusal is a *Refusal whose Kind says which rule failed and whose
// fields carry what was found; its message is Vietnamese, for the clerk.
package signature
