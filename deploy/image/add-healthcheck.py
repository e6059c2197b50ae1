#!/usr/bin/env python3
"""Adds Docker's HEALTHCHECK to the image tarball Jib made (Jib has no setting for it).

Rewrites the image's configuration inside the tarball (Docker's archive format: manifest.json names the
configuration file), with the health check below, and the image id Jib wrote beside it (the digest of
that configuration). Run again on the same tarball, it writes the same configuration. Docker and Podman (Docker format) run the check; OCI image configurations have no
such field, so orchestrators use the same command as an exec probe, or GET /api/status.

    add-healthcheck.py target/entity-store-image.tar
"""
import hashlib
import io
import json
import os
import sys
import tarfile
import tempfile

SECOND = 1_000_000_000  # Docker's durations are in nanoseconds
HEALTHCHECK = {
    "Test": ["CMD", "/usr/local/bin/entity-store-healthcheck"],
    "Interval": 30 * SECOND,
    "Timeout": 10 * SECOND,
    "StartPeriod": 60 * SECOND,  # the first start on a large store rebuilds its index
    "Retries": 3,
}


def main(image_tar):
    with tarfile.open(image_tar) as source:
        manifest = json.load(source.extractfile("manifest.json"))
        config_name = manifest[0]["Config"]
        config = json.load(source.extractfile(config_name))
        config.setdefault("config", {})["Healthcheck"] = HEALTHCHECK
        config_bytes = json.dumps(config, separators=(",", ":")).encode()
        directory = os.path.dirname(os.path.abspath(image_tar))
        fd, temporary = tempfile.mkstemp(dir=directory, suffix=".tar")
        os.close(fd)
        try:
            with tarfile.open(temporary, "w", format=tarfile.PAX_FORMAT) as target:
                for member in source.getmembers():
                    if member.name == config_name:
                        member.size = len(config_bytes)
                        target.addfile(member, io.BytesIO(config_bytes))
                    else:
                        target.addfile(member, source.extractfile(member) if member.isfile() else None)
            os.chmod(temporary, os.stat(image_tar).st_mode & 0o777)
            os.replace(temporary, image_tar)
        except BaseException:
            os.unlink(temporary)
            raise
    image_id = "sha256:" + hashlib.sha256(config_bytes).hexdigest()
    record_image_id(directory, image_id)
    print(f"health check added to {image_tar} (image id {image_id})")


def record_image_id(directory, image_id):
    """Jib's files beside the tarball: the new id; its registry digest named the image before this
    change (a manifest holding the old configuration's digest), so it is dropped, not left wrong."""
    id_file = os.path.join(directory, "jib-image.id")
    if os.path.exists(id_file):
        with open(id_file, "w") as out:
            out.write(image_id)
    digest_file = os.path.join(directory, "jib-image.digest")
    if os.path.exists(digest_file):
        os.unlink(digest_file)
    json_file = os.path.join(directory, "jib-image.json")
    if os.path.exists(json_file):
        with open(json_file) as source:
            summary = json.load(source)
        summary["imageId"] = image_id
        summary.pop("imageDigest", None)
        with open(json_file, "w") as out:
            json.dump(summary, out)


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: add-healthcheck.py IMAGE_TAR")
    main(sys.argv[1])
