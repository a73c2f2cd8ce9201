package org.parley.cache.web;

import jakarta.faces.application.Resource;
import jakarta.faces.application.ResourceHandler;
import jakarta.faces.application.ResourceHandlerWrapper;
import jakarta.faces.application.ResourceWrapper;
import org.parley.web.LookedUp;

/**
 * Faces' side of {@link Assets}: {@code #{resource['css/parley.css']}}, {@code <h:outputScript name="js/parley.js">}
 * and the like resolve to the asset's content-hashed URL; every other Faces resource (PrimeFaces' carry their
 * version as {@code v=}) keeps its URL, behind the asset host when one is set. Registered in faces-config.xml.
 */
public class VersionedResourceHandler extends ResourceHandlerWrapper {

    private final LookedUp<Assets> assets = LookedUp.of(Assets.class);

    public VersionedResourceHandler(ResourceHandler wrapped) {
        super(wrapped);
    }

    @Override
    public Resource createResource(String resourceName) {
        return versioned(super.createResource(resourceName), resourceName, null);
    }

    @Override
    public Resource createResource(String resourceName, String libraryName) {
        return versioned(super.createResource(resourceName, libraryName), resourceName, libraryName);
    }

    @Override
    public Resource createResource(String resourceName, String libraryName, String contentType) {
        return versioned(super.createResource(resourceName, libraryName, contentType), resourceName, libraryName);
    }

    private Resource versioned(Resource resource, String name, String library) {
        if (resource == null) {
            return null;
        }
        Assets assets = this.assets.get();
        if (library == null && assets.find(name).isPresent()) {
            String url = assets.url(name);
            return new ResourceWrapper(resource) {
                @Override
                public String getRequestPath() {
                    return url;
                }
            };
        }
        String host = assets.host();
        if (host.isEmpty()) {
            return resource;
        }
        return new ResourceWrapper(resource) {
            @Override
            public String getRequestPath() {
                return host + super.getRequestPath();
            }
        };
    }
}
