#!/usr/bin/env bash
# Makes the container image's base from Debian's packages alone (no container registry needed): a
# minimal bookworm with the headless JRE 17 and curl (the health check), a fixed non-root user
# `entity-store` (uid and gid 65532) owning /data, packed as a one-layer image tarball (Docker's
# archive format) that Jib takes as `tar://...`. Needs root and debootstrap (installed with apt when
# missing); about 7 minutes on a loaded two-core machine.
#
# The tarball is cached outside the repository, keyed by the suite, the packages, the user and
# `recipe` (bump it when a step below changes what the base holds): a second run reuses it. Prints the
# tarball's path on its last line; given a path, also links it there (the Maven profile's input).
#   deploy/image/base.sh [LINK]       # cache: $ENTITY_STORE_IMAGE_CACHE or ~/.cache/entity-store-image
#   DEBIAN_MIRROR=http://... deploy/image/base.sh
set -euo pipefail

suite=bookworm
packages=openjdk-17-jre-headless,curl
mirror="${DEBIAN_MIRROR:-http://deb.debian.org/debian}"
cache="${ENTITY_STORE_IMAGE_CACHE:-$HOME/.cache/entity-store-image}"
uid=65532
recipe=1
link="${1:-}"

key="$(echo "$suite $packages $uid $recipe" | sha256sum | cut -c1-12)"
out="$cache/base-$suite-$key.tar"
done_with() {
    if [ -n "$link" ]; then
        mkdir -p "$(dirname "$link")"
        ln -sfn "$out" "$link"
    fi
    echo "$out"
}
if [ -s "$out" ]; then
    echo "base image: reusing $out" >&2
    done_with
    exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
    echo "base image: debootstrap needs root (run as root, or give a cached base in $cache)" >&2
    exit 1
fi
if ! command -v debootstrap >/dev/null; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap >&2
fi

mkdir -p "$cache"
work="$(mktemp -d "$cache/work.XXXXXX")"
trap 'rm -rf "$work"' EXIT
root="$work/rootfs"

echo "base image: debootstrap $suite with $packages from $mirror (several minutes)" >&2
nice -n 19 debootstrap --variant=minbase --include="$packages" "$suite" "$root" "$mirror" >"$work/debootstrap.log" 2>&1 || {
    tail -n 30 "$work/debootstrap.log" >&2
    exit 1
}

# Smaller: package caches and lists, documentation, manuals, translations, logs.
rm -rf "$root"/var/cache/apt/* "$root"/var/lib/apt/lists/* "$root"/var/cache/debconf/*-old \
       "$root"/usr/share/doc/* "$root"/usr/share/man/* "$root"/usr/share/info/* \
       "$root"/usr/share/locale/* "$root"/var/log/* "$root"/tmp/* "$root"/root/.[!.]* 2>/dev/null || true

# The service's user, its data directory (the image's volume) and a directory for its credentials file
# and key store (a volume too): owned by the user, so a named volume mounted there starts writable by it.
echo "entity-store:x:$uid:" >>"$root/etc/group"
echo "entity-store:x:$uid:$uid:Entity Store:/data:/usr/sbin/nologin" >>"$root/etc/passwd"
echo "entity-store:!:19000::::::" >>"$root/etc/shadow"
mkdir -p "$root/data" "$root/etc/entity-store"
chown "$uid:$uid" "$root/data" "$root/etc/entity-store"
chmod 0700 "$root/data" "$root/etc/entity-store"
chroot "$root" test -x /usr/bin/java -a -x /usr/bin/curl

# One layer, in a fixed order with fixed times, then Docker's archive around it.
tar --sort=name --mtime=@0 --numeric-owner -C "$root" -cf "$work/layer.tar" .
diff_id="sha256:$(sha256sum "$work/layer.tar" | cut -d' ' -f1)"
cat >"$work/config.json" <<JSON
{"architecture":"amd64","os":"linux","created":"1970-01-01T00:00:00Z",
 "config":{"Env":["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin","LANG=C.UTF-8"]},
 "rootfs":{"type":"layers","diff_ids":["$diff_id"]},
 "history":[{"created":"1970-01-01T00:00:00Z","created_by":"deploy/image/base.sh: debootstrap --variant=minbase --include=$packages $suite"}]}
JSON
echo '[{"Config":"config.json","RepoTags":["entity-store-base:'"$suite"'"],"Layers":["layer.tar"]}]' >"$work/manifest.json"
tar --mtime=@0 --numeric-owner -C "$work" -cf "$work/base.tar" manifest.json config.json layer.tar
mv "$work/base.tar" "$out"
echo "base image: $out ($(du -h "$out" | cut -f1))" >&2
done_with
