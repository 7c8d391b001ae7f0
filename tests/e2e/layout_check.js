// Used by test_layout.py: what of the workbench is out of the window or covered.
([selectors, width, height]) => {
            const found = [];
            const bar = document.querySelector("#panel .rating-bar").getBoundingClientRect();
            if (bar.top < 0 || bar.bottom > height + 0.5 || bar.left < 0 || bar.right > width + 0.5)
                found.push(`rating bar out of the window: ${JSON.stringify(bar)}`);
            for (const selector of selectors) {
                const element = document.querySelector(`#panel ${selector}`) ||
                    document.querySelector(selector);
                const box = element.getBoundingClientRect();
                if (box.top < 0 || box.bottom > height + 0.5 || box.left < 0 || box.right > width + 0.5)
                    found.push(`${selector} out of the window: top ${box.top}, bottom ${box.bottom}`);
                else if (box.bottom > bar.top + 0.5 && box.top < bar.bottom &&
                         box.left < bar.right && box.right > bar.left)
                    found.push(`${selector} runs under the rating bar (${box.bottom} > ${bar.top})`);
                const x = box.left + box.width / 2;
                const y = box.top + Math.min(box.height / 2, 20);
                const hit = document.elementFromPoint(x, y);
                if (!hit || !element.contains(hit))
                    found.push(`${selector} is covered at (${x}, ${y}) by ${hit && hit.outerHTML.slice(0, 80)}`);
            }
            return found;
        }
