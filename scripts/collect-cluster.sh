#!/usr/bin/env bash
# Collects what `stackplan inventory import --from DIR` reads, for the current kube context:
#   DIR/<customer>/<environment>/<cluster>/{kubectl-version.json,nodes.json,helm.json[,eks.json][,conformance.xml]}
#
# Usage: scripts/collect-cluster.sh --customer ID --environment NAME --cluster NAME
#            [--eks-name NAME [--region REGION]] [--junit FILE] DIR
#
# Needs kubectl and helm on PATH (and aws with --eks-name). Run it once per cluster (switch the
# kube context between runs), then: stackplan inventory import --inventory FILE --from DIR
# Each file is the unmodified JSON of its command; nothing is written unless every command worked.
set -euo pipefail

usage() { sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 64; }

customer="" environment="" cluster="" eks_name="" region="" junit="" out=""
while [ $# -gt 0 ]; do
    case "$1" in
        --customer) customer="${2:-}"; shift 2 ;;
        --environment) environment="${2:-}"; shift 2 ;;
        --cluster) cluster="${2:-}"; shift 2 ;;
        --eks-name) eks_name="${2:-}"; shift 2 ;;
        --region) region="${2:-}"; shift 2 ;;
        --junit) junit="${2:-}"; shift 2 ;;
        -h|--help) usage ;;
        -*) echo "collect-cluster.sh: unknown option $1" >&2; usage ;;
        *) out="$1"; shift ;;
    esac
done
[ -n "$customer" ] && [ -n "$environment" ] && [ -n "$cluster" ] && [ -n "$out" ] || usage
for name in "$customer" "$environment" "$cluster"; do
    case "$name" in */*|.|..|"") echo "collect-cluster.sh: '$name' is not a folder name" >&2; exit 64 ;; esac
done

need() { command -v "$1" >/dev/null 2>&1 || { echo "collect-cluster.sh: $1 is not on PATH" >&2; exit 69; }; }
need kubectl
need helm
[ -z "$eks_name" ] || need aws
[ -z "$junit" ] || [ -f "$junit" ] || { echo "collect-cluster.sh: no file $junit" >&2; exit 66; }

target="$out/$customer/$environment/$cluster"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

kubectl version -o json > "$work/kubectl-version.json"
kubectl get nodes -o json > "$work/nodes.json"
helm list -A -o json > "$work/helm.json"
if [ -n "$eks_name" ]; then
    aws eks describe-cluster --name "$eks_name" ${region:+--region "$region"} --output json > "$work/eks.json"
fi
[ -z "$junit" ] || cp "$junit" "$work/conformance.xml"

mkdir -p "$target"
cp "$work"/* "$target"/
echo "collected $customer/$environment/$cluster into $target" >&2
