# Bash completion for rchain: commands, options, formats, templates, rule codes, and the step ids of the
# model on the command line. The commands, options and formats are read from rchain's own help, so
# they follow the installed version. Installed by `meson install`; or: source completions/rchain.bash
# shellcheck shell=bash

# _rchain_model_ids FILE: the ids of the steps of a model, as its XML gives them.
_rchain_model_ids() {
	[ -r "$1" ] || return
	sed -n 's/.*<step[[:space:]][^>]*id="\([^"]*\)".*/\1/p' "$1" 2>/dev/null
}

# _rchain_commands: the commands, as 'rchain --help' lists them.
_rchain_commands() {
	rchain --help 2>/dev/null | awk '/^commands:/ { on = 1; next } on && /^  [a-z]/ { print $1 } on && /^$/ { on = 0 }'
}

_rchain() {
	local cur prev command word i model=""
	cur=${COMP_WORDS[COMP_CWORD]}
	prev=${COMP_WORDS[COMP_CWORD - 1]}
	command=${COMP_WORDS[1]:-}
	COMPREPLY=()
	if [ "$COMP_CWORD" -eq 1 ]; then
		mapfile -t COMPREPLY < <(compgen -W "help --help --version $(_rchain_commands)" -- "$cur")
		return
	fi
	# The last word naming an .xml file is the model whose ids --focus completes.
	for ((i = 2; i < COMP_CWORD; i++)); do
		word=${COMP_WORDS[i]}
		case $word in *.xml) model=$word ;; esac
	done
	case $prev in
	-f | --format)
		mapfile -t COMPREPLY < <(compgen -W "$(rchain "$command" --help 2>/dev/null |
			awk '/^formats/ { on = 1; next } on && /^  [a-z]/ { print $1 }')" -- "$cur")
		return ;;
	-t | --template)
		mapfile -t COMPREPLY < <(compgen -W "blank partnership columns" -- "$cur")
		return ;;
	--direction)
		mapfile -t COMPREPLY < <(compgen -W "LR TB" -- "$cur")
		return ;;
	--disable)
		mapfile -t COMPREPLY < <(compgen -W "$(rchain rules 2>/dev/null | awk '{ print $1, $3 }')" -- "$cur")
		return ;;
	--focus)
		mapfile -t COMPREPLY < <(compgen -W "$(_rchain_model_ids "$model")" -- "$cur")
		return ;;
	-o | --output | --evidence)
		mapfile -t COMPREPLY < <(compgen -f -- "$cur")
		return ;;
	--max-file-size | --max-steps | --max-links | --date)
		return ;;
	esac
	case $command in
	help)
		[ "$COMP_CWORD" -eq 2 ] && mapfile -t COMPREPLY < <(compgen -W "$(_rchain_commands)" -- "$cur")
		return ;;
	schema)
		mapfile -t COMPREPLY < <(compgen -W "model evidence" -- "$cur")
		return ;;
	rules)
		mapfile -t COMPREPLY < <(compgen -W "$(rchain rules 2>/dev/null | awk '{ print $1, $3 }')" -- "$cur")
		return ;;
	import)
		[ "$COMP_CWORD" -eq 2 ] && { mapfile -t COMPREPLY < <(compgen -W "csv" -- "$cur"); return; } ;;
	esac
	if [[ $cur == -* ]]; then
		mapfile -t COMPREPLY < <(compgen -W "$(rchain "$command" --help 2>/dev/null |
			grep -o -- '--[a-z][a-z-]*' | sort -u)" -- "$cur")
		return
	fi
	mapfile -t COMPREPLY < <(compgen -f -- "$cur")
}

complete -o filenames -F _rchain rchain
